import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { notFound } from '../../lib/errors.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { calendarFeed, feedViewer, revokeFeed, rotateFeed } from '../../services/calendar.ts';
import { getSettings } from '../../services/settings.ts';

const Feed = z.object({
  /** Subscribe to this in Google Calendar, Outlook or Apple Calendar; shown once. */
  url: z.string(),
  path: z.string(),
});

export const calendarDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/calendar/feed',
    summary: 'Create or rotate your calendar feed: a secret ICS URL (the old one stops working)',
    responses: { 201: Feed },
  },
  {
    method: 'delete',
    path: '/api/calendar/feed',
    summary: 'Revoke your calendar feed',
    responses: { 204: null },
  },
];

export const calendarRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .post('/feed', (c) => {
      const token = rotateFeed(deps.db, c.get('viewer'), deps.clock());
      const path = `/calendar/${token}.ics`;
      return c.json({ url: new URL(path, c.req.url).toString(), path }, 201);
    })
    .delete('/feed', (c) => {
      revokeFeed(deps.db, c.get('viewer'));
      return c.body(null, 204);
    });

/**
 * GET /calendar/<feed token>.ics, outside /api so it needs no bearer token: calendar apps can
 * only subscribe to a plain URL. The token in it is the only key, so an unknown or revoked one
 * answers the same 404 as a path that does not exist.
 */
export const calendarFeedRoutes = (deps: AppDeps) =>
  new Hono().get('/:file', (c) => {
    const m = /^([A-Za-z0-9_-]{10,200})\.ics$/.exec(c.req.param('file'));
    const viewer = m?.[1] ? feedViewer(deps.db, m[1]) : null;
    if (!viewer) throw notFound('calendar feed');
    const body = calendarFeed(deps.db, viewer, deps.clock(), getSettings(deps.db));
    return c.body(body, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="dossier.ics"',
    });
  });
