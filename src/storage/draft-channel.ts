// Announces each saved draft to the notebook's other tabs (BroadcastChannel "ml-notebook/drafts"); persists nothing.
import { parseTabMessage, TAB_SYNC_CHANNEL } from "../core/session/tab-sync";
import type { DraftRecord } from "../core/tracking/types";

/** This tab's channel to the others: `post` a saved draft; `close` stops listening. */
export interface DraftChannel {
  post(draft: DraftRecord): void;
  close(): void;
}

/**
 * Opens the channel; `onDraft` gets every valid draft another tab saves
 * (invalid messages are dropped). Where BroadcastChannel is missing, tabs
 * still never overwrite each other silently (the save compares the stored
 * draft first), they only learn of each other's edits later.
 */
export function openDraftChannel(onDraft: (draft: DraftRecord) => void): DraftChannel {
  if (typeof BroadcastChannel === "undefined") return { post: () => undefined, close: () => undefined };
  const tabId = crypto.randomUUID();
  const channel = new BroadcastChannel(TAB_SYNC_CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    const message = parseTabMessage(event.data);
    if (message && message.from !== tabId) onDraft(message.draft);
  };
  return {
    post: (draft) => channel.postMessage({ kind: "draft-saved", from: tabId, draft }),
    close: () => channel.close(),
  };
}
