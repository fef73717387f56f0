import { Pipeline } from '@dossier/shared';
import { json, router, routesOf } from '../../lib/openapi.ts';
import { pipeline } from '../../services/pipeline.ts';

const route = routesOf('pipeline');

const byStage = route({
  method: 'get',
  path: '/',
  operationId: 'getPipeline',
  summary:
    'Cases by stage (land won → contacted → serviced → proposal → signed → after-sales) with follow-up counts and next steps',
  responses: { 200: json(Pipeline, 'Every stage, with its cases') },
});

export const pipelineRoutes = () =>
  router().openapi(byStage, async (c) => {
    const { store, viewer } = c.get('ctx');
    return c.json(await pipeline(store, viewer), 200);
  });
