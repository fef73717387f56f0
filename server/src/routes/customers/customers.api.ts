import {
  CompanyType,
  CustomerCreate,
  CustomerDetail,
  CustomerList,
  CustomerStatus,
  CustomerUpdate,
  Interactions,
  Key,
  KeyInput,
  Person,
  PersonInput,
  SizeClass,
  Stage,
  Tier,
} from '@dossier/shared';
import { z } from 'zod';
import { empty, json, routesOf } from '../../lib/openapi.ts';
import { Id, IdParam } from '../../lib/params.ts';

/** The customer-file routes as the document and the typed client see them; handlers are in customers.routes.ts. */

export const ListQuery = z.object({
  tier: Tier.optional(),
  status: CustomerStatus.optional(),
  owner: z.string().max(200).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  stage: Stage.optional(),
  companyType: CompanyType.optional(),
  sizeClass: SizeClass.optional(),
  /** A region path, outermost first: "华东/江苏" matches every customer in Jiangsu. */
  region: z.string().max(200).optional(),
  /** "due" (earliest next due first) or "initials" (the A–Z index order). */
  sort: z.enum(['due', 'initials']).default('due'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
const PersonParams = IdParam.extend({ personId: Id });
const KeyParams = IdParam.extend({ keyId: Id });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } } } });
const byId = { params: IdParam };

const route = routesOf('customers');

export const list = route({
  method: 'get',
  path: '/',
  operationId: 'listCustomers',
  summary: 'List customer files, earliest due first',
  request: { query: ListQuery },
  responses: { 200: json(CustomerList, 'A page of files and the total') },
});
export const create = route({
  method: 'post',
  path: '/',
  operationId: 'createCustomer',
  summary: 'Create a customer file with keys and people',
  request: body(CustomerCreate),
  errors: [409],
  responses: {
    201: json(CustomerDetail, 'Created'),
    200: json(CustomerDetail, 'A replay (same user, request and idempotencyKey): the first result'),
  },
});
export const read = route({
  method: 'get',
  path: '/{id}',
  operationId: 'getCustomer',
  summary: 'One customer file with keys and people',
  request: byId,
  errors: [404],
  responses: { 200: json(CustomerDetail, 'The file') },
});
export const update = route({
  method: 'patch',
  path: '/{id}',
  operationId: 'updateCustomer',
  summary: 'Edit fields of a customer file',
  request: { ...byId, ...body(CustomerUpdate) },
  errors: [404, 409],
  responses: { 200: json(CustomerDetail, 'The file as it is now') },
});
export const remove = route({
  method: 'delete',
  path: '/{id}',
  operationId: 'deleteCustomer',
  summary: 'Remove a customer file (soft delete)',
  description: 'Only its owner or a manager removes a file (403 to a colleague it is shared with).',
  request: byId,
  errors: [404],
  responses: { 204: empty('Removed') },
});
export const reopen = route({
  method: 'post',
  path: '/{id}/reopen',
  operationId: 'reopenCustomer',
  summary: 'Reopen a lost customer: active again, due dates back on the board',
  request: byId,
  errors: [404, 409],
  responses: { 200: json(CustomerDetail, 'The file, active again') },
});
export const cancelAppointment = route({
  method: 'delete',
  path: '/{id}/appointment',
  operationId: 'cancelAppointment',
  summary: 'Cancel the standing appointment (404 if none stands); e-mails and notes never cancel one',
  request: byId,
  errors: [404],
  responses: { 204: empty('Cancelled') },
});
export const history = route({
  method: 'get',
  path: '/{id}/interactions',
  operationId: 'listInteractions',
  summary: 'The full contact history',
  request: byId,
  errors: [404],
  responses: { 200: json(Interactions, 'Latest first') },
});
export const addPerson = route({
  method: 'post',
  path: '/{id}/people',
  operationId: 'addPerson',
  summary: 'Add a person',
  request: { ...byId, ...body(PersonInput) },
  errors: [404],
  responses: { 201: json(Person, 'Added') },
});
export const editPerson = route({
  method: 'patch',
  path: '/{id}/people/{personId}',
  operationId: 'updatePerson',
  summary: 'Edit a person',
  request: { params: PersonParams, ...body(PersonInput.partial()) },
  errors: [404],
  responses: { 200: json(Person, 'The person as they are now') },
});
export const removePerson = route({
  method: 'delete',
  path: '/{id}/people/{personId}',
  operationId: 'removePerson',
  summary: 'Remove a person',
  request: { params: PersonParams },
  errors: [404],
  responses: { 204: empty('Removed') },
});
export const addKey = route({
  method: 'post',
  path: '/{id}/keys',
  operationId: 'addKey',
  summary: 'Add a matching key (409 if another customer holds it)',
  request: { ...byId, ...body(KeyInput) },
  errors: [404, 409],
  responses: { 201: json(Key, 'Added') },
});
export const removeKey = route({
  method: 'delete',
  path: '/{id}/keys/{keyId}',
  operationId: 'removeKey',
  summary: 'Remove a matching key',
  request: { params: KeyParams },
  errors: [404],
  responses: { 204: empty('Removed') },
});
