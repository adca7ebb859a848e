// Outbound calls to user-supplied URLs. Everything the platform sends to an agent or a webhook
// goes through guardedFetch; nothing else in the codebase should open such a connection.
export { guardedFetch, TRANSPORT_HEADERS, type GuardedFetchInit, type GuardedFetchPolicy, type GuardedResponse } from "./guarded-fetch";
export { GuardedFetchError, GUARDED_FETCH_ERROR_CODES, type GuardedFetchErrorCode } from "./guarded-fetch-error";
export { classifyAddress, isAddressAllowed, type AddressClass } from "./classify-address";
export { systemResolver, type Resolver, type ResolvedAddress } from "./resolve-target";
