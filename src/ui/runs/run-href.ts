/** The hash route of one run's page. */
export const runHref = (runId: string) => `#/runs/${runId}`;
