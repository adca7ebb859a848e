import { redirect } from "next/navigation";

// /settings has no page of its own: members is where its sections start.
export default function SettingsPage() {
  redirect("/settings/members");
}
