// The maintenance routes' answers are part of the shared wire contract; parsed again in the
// dashboard because the server may be another version than this extension.
export * from '@dossier/shared';
