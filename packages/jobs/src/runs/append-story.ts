import { newId, type Prisma, type PrismaClient } from "@bulwark/db";
import type { StoryStep } from "@bulwark/redteam";

/**
 * Appends a turn's narrative steps to the run's story as soon as the turn completes. Numbered
 * under the run's row lock, like the evidence chain, so concurrent attacks interleave cleanly.
 */
export async function appendStory(prisma: PrismaClient, run: { id: string; orgId: string }, steps: StoryStep[]): Promise<void> {
  if (steps.length === 0) return;
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM runs WHERE id = ${run.id} FOR UPDATE`;
    const last = await tx.storyStep.aggregate({ where: { runId: run.id }, _max: { seq: true } });
    const first = (last._max.seq ?? 0) + 1;
    await tx.storyStep.createMany({
      data: steps.map((step, i) => ({
        id: newId("storyStep"),
        orgId: run.orgId,
        runId: run.id,
        seq: first + i,
        text: step.text,
        refs: step.refs as unknown as Prisma.InputJsonValue,
      })),
    });
  });
}
