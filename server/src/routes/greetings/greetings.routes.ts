import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../deps.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { validate } from '../../lib/validate.ts';
import { greetings } from '../../services/greetings.ts';
import { getSettings } from '../../services/settings.ts';

const Query = z.object({ days: z.coerce.number().int().min(1).max(366).default(14) });
const PersonCard = z.object({
  personId: z.number(),
  name: z.string(),
  title: z.string().nullable(),
  mobile: z.string().nullable(),
  customerId: z.number(),
  customerName: z.string(),
  tier: z.enum(['A', 'B', 'C']),
  draft: z.string(),
});
const Answer = z.object({
  today: z.string(),
  isFriday: z.boolean(),
  weekStart: z.string(),
  birthdays: z.array(PersonCard.extend({ date: z.string() })),
  holidays: z.array(
    z.object({ key: z.string(), date: z.string(), zh: z.string(), en: z.string(), drafts: z.array(PersonCard) }),
  ),
  friday: z.array(PersonCard),
});

export const greetingDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/greetings',
    summary:
      "Upcoming birthdays and holidays, and this week's Friday list of A customers' key people not yet greeted — each with a personal draft",
    query: Query,
    responses: { 200: Answer },
  },
];

export const greetingRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/', validate('query', Query), (c) =>
    c.json(greetings(deps.db, deps.clock(), getSettings(deps.db), c.get('viewer'), c.req.valid('query').days), 200),
  );
