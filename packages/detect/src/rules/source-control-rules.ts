import { type Rule } from "../types";
import { prefixedToken } from "./prefixed-token";

/** Code hosts: a token here reads (or rewrites) source, CI secrets and deploy pipelines. */
export const sourceControlRules: readonly Rule[] = [
  prefixedToken({ id: "github-pat", kind: "TOKEN", prefixes: ["ghp_"], body: "[A-Za-z0-9]{36,251}", description: "GitHub classic personal access tokens (ghp_…)" }),
  prefixedToken({ id: "github-oauth-token", kind: "TOKEN", prefixes: ["gho_"], body: "[A-Za-z0-9]{36,251}", description: "GitHub OAuth access tokens (gho_…)" }),
  prefixedToken({ id: "github-user-to-server-token", kind: "TOKEN", prefixes: ["ghu_"], body: "[A-Za-z0-9]{36,251}", description: "GitHub App user-to-server tokens (ghu_…)" }),
  prefixedToken({ id: "github-server-to-server-token", kind: "TOKEN", prefixes: ["ghs_"], body: "[A-Za-z0-9]{36,251}", description: "GitHub App installation tokens (ghs_…)" }),
  prefixedToken({ id: "github-refresh-token", kind: "TOKEN", prefixes: ["ghr_"], body: "[A-Za-z0-9]{36,251}", description: "GitHub refresh tokens (ghr_…)" }),
  prefixedToken({
    id: "github-fine-grained-pat",
    kind: "TOKEN",
    prefixes: ["github_pat_"],
    body: "[A-Za-z0-9_]{50,255}",
    description: "GitHub fine-grained personal access tokens (github_pat_…)",
  }),
  prefixedToken({
    id: "gitlab-pat",
    kind: "TOKEN",
    prefixes: ["glpat-"],
    // Newer tokens carry dot-separated routing parts; a trailing sentence dot stays outside.
    body: "[A-Za-z0-9_-]{20,100}(?:\\.[A-Za-z0-9_-]{2,40}){0,3}",
    description: "GitLab personal, project and group access tokens (glpat-…)",
  }),
  prefixedToken({ id: "gitlab-runner-token", kind: "TOKEN", prefixes: ["glrt-"], body: "[A-Za-z0-9_-]{20,100}", description: "GitLab runner authentication tokens (glrt-…)" }),
  prefixedToken({ id: "gitlab-pipeline-trigger-token", kind: "TOKEN", prefixes: ["glptt-"], body: "[a-f0-9]{40}", description: "GitLab pipeline trigger tokens (glptt-…)" }),
  prefixedToken({ id: "gitlab-deploy-token", kind: "TOKEN", prefixes: ["gldt-"], body: "[A-Za-z0-9_-]{20,100}", description: "GitLab deploy tokens (gldt-…)" }),
  prefixedToken({ id: "bitbucket-app-password", kind: "PASSWORD", prefixes: ["ATBB"], body: "[A-Za-z0-9_=-]{32,100}", description: "Bitbucket app passwords (ATBB…)" }),
  prefixedToken({ id: "atlassian-api-token", kind: "TOKEN", prefixes: ["ATATT3"], body: "[A-Za-z0-9_=-]{150,300}", description: "Atlassian API tokens (ATATT3…)" }),
];
