import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { type TestApp, TOKEN } from '../../test-utils.ts';

/*
 * Checks live answers against the served document, not against the zod schemas the routes were
 * declared with: the document is compiled by ajv (JSON Schema 2020-12, the dialect of OpenAPI
 * 3.1), so a schema the generator got wrong, or a handler answering something else than it
 * declares, fails here.
 */

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      { responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }> }
    >
  >;
};

/** A JSON pointer into the document, as a URI fragment (`~1` for `/`, `{…}` percent-encoded). */
const pointer = (...parts: string[]) =>
  parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

export interface Checked {
  method: string;
  template: string;
  status: number;
  contentType: string;
}

export function conformance(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // OpenAPI's own format for a file body; bodies checked here are JSON, never binary.
  ajv.addFormat('binary', true);
  ajv.addSchema(doc as object, 'openapi.json');
  const compiled = new Map<string, ValidateFunction>();
  const checked: Checked[] = [];

  const responseOf = (method: string, template: string, status: number) => {
    const op = doc.paths[template]?.[method];
    if (!op) throw new Error(`undocumented operation ${method} ${template}`);
    const answer = op.responses[String(status)];
    if (!answer) throw new Error(`${method} ${template} answered ${status}, which it does not document`);
    return answer;
  };

  const validatorFor = (method: string, template: string, status: number, media: string) => {
    const ref = `openapi.json#/${pointer('paths', template, method, 'responses', String(status), 'content', media, 'schema')}`;
    let v = compiled.get(ref);
    if (!v) {
      v = ajv.compile({ $ref: ref });
      compiled.set(ref, v);
    }
    return v;
  };

  /**
   * Sends a request through the app (path filled from the template) and checks that the status
   * is documented for the operation, that the documented headers are there, that the answer's
   * content type is one the document lists for it, and that a JSON body matches the documented
   * schema. Returns the answer.
   */
  async function call(
    t: TestApp,
    method: string,
    template: string,
    params: Record<string, string | number> = {},
    opts: { query?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (!(name in params)) throw new Error(`no value for {${name}} in ${template}`);
      return encodeURIComponent(String(params[name]));
    });
    const res = await t.app.request(path + (opts.query ? `?${opts.query}` : ''), {
      method: method.toUpperCase(),
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...opts.headers,
      },
      ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
    });
    const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    const bytes = new Uint8Array(await res.arrayBuffer());
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
    const json: any = type === 'application/json' && bytes.length ? JSON.parse(new TextDecoder().decode(bytes)) : null;
    const r = { status: res.status, headers: res.headers, json, bytes };
    const answer = responseOf(method, template, r.status);
    for (const name of Object.keys(answer.headers ?? {})) {
      if (!res.headers.has(name)) throw new Error(`${method} ${template} ${r.status}: no ${name} header, documented`);
    }
    const documented = Object.keys(answer.content ?? {});
    if (documented.length === 0) {
      if (bytes.length) throw new Error(`${method} ${template} ${r.status}: documented without a body, got one`);
    } else {
      if (!documented.includes(type)) {
        throw new Error(
          `${method} ${template} ${r.status}: content type ${type} is not one of ${documented.join(', ')}`,
        );
      }
      const schema = (answer.content?.[type] as { schema?: { format?: string } } | undefined)?.schema;
      if (schema?.format !== 'binary') {
        const validate = validatorFor(method, template, r.status, type);
        if (!validate(r.json)) {
          throw new Error(
            `${method} ${template} ${r.status} does not match its documented schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(r.json).slice(0, 600)}`,
          );
        }
      }
    }
    checked.push({ method, template, status: r.status, contentType: type });
    return r;
  }

  return { call, checked };
}
