import { z } from 'zod';
import { notFound } from '../../lib/errors.ts';
import { empty, file, json, MEDIA, router, routesOf } from '../../lib/openapi.ts';
import { calendarFeed, feedViewer, revokeFeed, rotateFeed } from '../../services/calendar.ts';

const Feed = z.object({
  /** Subscribe to this in Google Calendar, Outlook or Apple Calendar; shown once. */
  url: z.string(),
  path: z.string(),
});
const FeedFile = z.object({
  file: z.string().describe('`<feed token>.ics`, as in the url POST /api/calendar/feed answered'),
});

const route = routesOf('calendar');

const rotate = route({
  method: 'post',
  path: '/feed',
  operationId: 'rotateCalendarFeed',
  summary: 'Create or rotate your calendar feed: a secret ICS URL (the old one stops working)',
  responses: { 201: json(Feed, 'The new feed URL, shown once') },
});

const revoke = route({
  method: 'delete',
  path: '/feed',
  operationId: 'revokeCalendarFeed',
  summary: 'Revoke your calendar feed',
  responses: { 204: empty('Revoked; the feed URL answers 404 from now on') },
});

const feed = route({
  method: 'get',
  path: '/{file}',
  operationId: 'getCalendarFeed',
  summary:
    "A viewer's due calls, visits and promises as an iCalendar feed. Public: calendar apps subscribe to a plain URL, so the secret token in the path is the only key",
  public: true,
  acceptsAnyInput: true,
  request: { params: FeedFile },
  errors: [404],
  responses: { 200: file('The feed (iCalendar)', [MEDIA.ics]) },
});

export const calendarRoutes = () =>
  router()
    .openapi(rotate, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      const token = await rotateFeed(store, viewer, now);
      const path = `/calendar/${token}.ics`;
      return c.json({ url: new URL(path, c.req.url).toString(), path }, 201);
    })
    .openapi(revoke, async (c) => {
      const { store, viewer } = c.get('ctx');
      await revokeFeed(store, viewer);
      return c.body(null, 204);
    });

/**
 * GET /calendar/<feed token>.ics, outside /api so it needs no bearer token: calendar apps can
 * only subscribe to a plain URL. The token in it is the only key, so an unknown or revoked one
 * answers the same 404 as a path that does not exist.
 */
export const calendarFeedRoutes = () =>
  router().openapi(feed, async (c) => {
    const { store, now } = c.get('ctx');
    const settings = await c.get('ctx').settings();
    const m = /^([A-Za-z0-9_-]{10,200})\.ics$/.exec(c.req.valid('param').file);
    const viewer = m?.[1] ? await feedViewer(store, m[1]) : null;
    if (!viewer) throw notFound('calendar feed');
    return c.body(await calendarFeed(store, viewer, now, settings), 200, {
      'Content-Type': `${MEDIA.ics}; charset=utf-8`,
      'Content-Disposition': 'inline; filename="dossier.ics"',
    });
  });
