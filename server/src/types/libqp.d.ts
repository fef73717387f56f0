// The package ships no types; only what Dossier uses is declared.
declare module 'libqp' {
  /** Quoted-printable text (soft line breaks included) to its bytes. */
  export function decode(text: string | Buffer): Buffer;
}
