/**
 * The public half of an RSA key generated once for Dossier (node:crypto; the private half was
 * never kept: nothing here is signed with it). In the manifest it fixes the Chrome build's id
 * wherever the unpacked folder is loaded from: the id is the first 32 hex digits of the
 * SHA-256 of this DER key, written with a–p for 0–f — lpjdanpablmfkkabmmpiakjopamoiden, the
 * id the server accepts by default (server/src/env.ts, PINNED_EXTENSION_ID).
 */
export const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAmxXjaht9/p+ZYyZJq4e2NG5eticzJyd9SP2C+g1tg8R491Dd23nZqhHqoMCqq1p8sKuvBi6G8J8otcuycjo8ytusxCd0zl2GYzspmIalamcyymLNYQk3JyE+ccfnH33qKpzq1pTdMkNAArQIi5U0S/36lS5FOspwIG/azPusezDTNGB1PNdI/NGrSCni5qq920U1+2XcyKB+exLCoh3G6e0nXYzOtXc7kO7Fg1FJAmgf0w7SepMzsm+5rrwzNiearvzrZ2a2aqL/VLU8cFXX1MEIg4F2NwLk2dNwmM6C7gqj879vNE86IJBHwR9ck96LRMYGyjwgAkG8CYjJaFlNFQIDAQAB';
