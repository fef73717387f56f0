import type { Db } from '../../db/client.ts';
import type { PipelineStore } from '../pipeline.ts';

export function sqlitePipeline(_db: Db): PipelineStore {
  return {};
}
