import { expect } from "vitest";
import { apiWithKey, bootstrapOwner, fetchInPage, PASSWORD, screenshot, signIn, signUp, test, uniqueEmail, uniqueSuffix } from "./harness";

// Viewers never see controls they cannot use, and the server refuses them anyway. The viewer
// joins the way a real one does: an owner (made by the bootstrap CLI) invites them over the
// REST API with the owner's API key, and they sign up from the invitation link.

test("a viewer sees no write controls and the server refuses their write with 403", async ({ newPage }) => {
  const suffix = uniqueSuffix();
  const orgName = `Viewer test ${suffix}`;
  const existingProject = `Existing project ${suffix}`;
  const ownerCredentials = { email: uniqueEmail("owner"), password: PASSWORD };
  const viewerCredentials = { email: uniqueEmail("viewer"), password: PASSWORD };

  const owner = await bootstrapOwner({ org: orgName, ...ownerCredentials });
  expect(owner.apiKey).toMatch(/^bwk_/);
  expect((await apiWithKey(owner.apiKey, "/api/v1/projects", { method: "POST", body: { name: existingProject, environment: "sandbox" } })).status).toBe(201);
  const invitation = await apiWithKey(owner.apiKey, "/api/v1/invitations", { method: "POST", body: { email: viewerCredentials.email, role: "viewer" } });
  expect(invitation.status).toBe(201);
  const { token } = invitation.body as { token: string };

  const viewer = await newPage();
  await viewer.goto(`/invitations/accept?token=${encodeURIComponent(token)}`);
  await screenshot(viewer, "roles 01 invitation link");
  await viewer.getByRole("link", { name: "Create an account" }).click();
  await viewer.waitForURL((url) => url.pathname === "/sign-up" && url.searchParams.get("invitation") === token);
  // Signing up with the invitation's token joins the organization in the same step.
  await signUp(viewer, viewerCredentials);
  await viewer.goto("/sign-in");
  await signIn(viewer, viewerCredentials);
  await viewer.goto("/");
  await viewer.getByRole("heading", { level: 1, name: orgName, exact: true }).waitFor();
  await viewer.getByText("You are a viewer of this organization", { exact: false }).waitFor();
  await screenshot(viewer, "roles 02 viewer overview");

  // The UI: no API keys or audit entries in the navigation, no create form on Projects — but
  // the projects themselves are listed (the page works; only the controls are withheld).
  const nav = viewer.getByRole("navigation", { name: "Main" });
  const viewerNav = await nav.getByRole("link").allTextContents();
  expect(viewerNav).toEqual(expect.arrayContaining(["Overview", "Projects"]));
  expect(viewerNav).not.toContain("API keys");
  expect(viewerNav).not.toContain("Audit log");
  await viewer.goto("/projects");
  await viewer.getByRole("row").filter({ hasText: existingProject }).waitFor();
  expect(await viewer.getByRole("button", { name: "Create project" }).count()).toBe(0);
  expect(await viewer.getByLabel("Project name").count()).toBe(0);
  await screenshot(viewer, "roles 03 viewer projects");

  // The server: the same call the create form makes, from the viewer's own page (session
  // cookie, same-origin headers), is refused for the missing scope, in the error envelope.
  const refused = await fetchInPage(viewer, "/api/v1/projects", { method: "POST", body: { name: `Viewer's ${suffix}`, environment: "sandbox" } });
  expect(refused.status).toBe(403);
  expect(refused.body).toEqual({
    error: { code: "forbidden", message: "This operation needs the projects:write scope.", requestId: expect.stringMatching(/^req_/) },
  });

  // Control: the owner, signed in the same way, has those controls and that call succeeds —
  // so the viewer's 403 is about the role, not about how the request was made.
  const ownerPage = await newPage();
  await signIn(ownerPage, ownerCredentials);
  await ownerPage.goto("/projects");
  await ownerPage.getByRole("button", { name: "Create project" }).waitFor();
  expect(await ownerPage.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents()).toEqual(expect.arrayContaining(["API keys", "Audit log"]));
  const created = await fetchInPage(ownerPage, "/api/v1/projects", { method: "POST", body: { name: `Owner's ${suffix}`, environment: "sandbox" } });
  expect(created.status).toBe(201);

  // Nothing the viewer tried was created.
  const listed = await apiWithKey(owner.apiKey, "/api/v1/projects");
  expect((listed.body as { data: { name: string }[] }).data.map((p) => p.name).sort()).toEqual([existingProject, `Owner's ${suffix}`].sort());
});
