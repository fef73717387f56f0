import { CaptureSave, type CaptureSaved, InteractionCreate } from '@dossier/shared';
import { z } from 'zod';

/**
 * A write waiting for the server. The operation carries everything needed to replay it after
 * a browser restart; `body.idempotencyKey` is generated once, at enqueue time, and sent with
 * every retry so the server applies it exactly once.
 */
export const OutboxOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('interaction/create'), body: InteractionCreate }),
  /** Undo of a create that already left the outbox: resolved to DELETE /api/interactions/:id. */
  z.object({ op: z.literal('interaction/undo'), body: InteractionCreate }),
  /** A capture saved from the panel's preview (POST /api/captures), with its idempotency key. */
  z.object({ op: z.literal('capture/save'), body: CaptureSave }),
]);
export type OutboxOp = z.infer<typeof OutboxOp>;

export const OutboxError = z.object({ status: z.number(), code: z.string(), message: z.string() });
export type OutboxError = z.infer<typeof OutboxError>;

/** An item stored before the card key had its own name kept it as `key`: read as `card`. */
function renamedCardKey(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || 'card' in raw || !('key' in raw)) return raw;
  const { key, ...rest } = raw as { key: unknown };
  return { ...rest, card: key };
}

export const OutboxItem = z.preprocess(
  renamedCardKey,
  z.intersection(
    OutboxOp,
    z.object({
      id: z.string(),
      /** The card key (card/keys.ts) of the card the write changes, to read that card again after it. */
      card: z.string(),
      createdAt: z.number(),
      attempts: z.number().int().nonnegative(),
      nextAttemptAt: z.number(),
      /** pending: will be sent; rejected: the server refused it (4xx), kept until the user acts. */
      status: z.enum(['pending', 'rejected']),
      error: OutboxError.optional(),
    }),
  ),
);
export type OutboxItem = z.infer<typeof OutboxItem>;

export const SyncState = z.object({
  /** The last attempt found nothing answering (or a 5xx): the badge shows the waiting count. */
  unreachable: z.boolean(),
  /** The server refused the token (401/403): nothing can be sent until settings change. */
  blocked: z.boolean(),
  lastError: z.string().optional(),
  lastAttemptAt: z.number().optional(),
});
export type SyncState = z.infer<typeof SyncState>;

export const OutboxState = z.object({
  items: z.array(OutboxItem),
  /** idempotencyKey → server interaction id, for undoing a delivered log. Bounded. */
  delivered: z.record(z.string(), z.number()),
  sync: SyncState,
});
export type OutboxState = z.infer<typeof OutboxState>;

export const EMPTY_OUTBOX: OutboxState = { items: [], delivered: {}, sync: { unreachable: false, blocked: false } };

/** What one delivery attempt came to, decided by the sender from the HTTP outcome. */
export type SendOutcome =
  | { kind: 'done'; interactionId?: number; saved?: CaptureSaved }
  | { kind: 'retry'; unreachable: boolean; message: string }
  | { kind: 'blocked'; message: string }
  | { kind: 'rejected'; error: OutboxError };
