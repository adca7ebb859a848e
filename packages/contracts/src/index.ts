export * from "./errors";
export * from "./operation";
export * from "./openapi";
export * from "./operations";
export * from "./env";
export * from "./api-markdown";
export * from "./scopes";
export * from "./pagination";
