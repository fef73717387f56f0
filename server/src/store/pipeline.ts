/** The follow-up pipeline and the lost customers. Its methods are added as its services move behind the store. */
export type PipelineStore = object;
