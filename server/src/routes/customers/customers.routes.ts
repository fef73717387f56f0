import { router } from '../../lib/openapi.ts';
import { customerHistory, listCustomers } from '../../services/customer-list.ts';
import {
  createCustomer,
  customerDetail,
  reopenCustomer,
  softDeleteCustomer,
  updateCustomer,
} from '../../services/customers.ts';
import { cancelAppointment } from '../../services/interactions.ts';
import { addCustomerKey, addPerson, editPerson, removeCustomerKey, removePerson } from '../../services/people.ts';
import * as api from './customers.api.ts';

export const customerRoutes = () =>
  router()
    .openapi(api.list, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      return c.json(await listCustomers(store, c.req.valid('query'), now, viewer), 200);
    })
    .openapi(api.create, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      const { customer, replayed } = await createCustomer(store, c.req.valid('json'), now, settings, viewer);
      return replayed ? c.json(customer, 200) : c.json(customer, 201);
    })
    .openapi(api.read, async (c) => {
      const { store, viewer } = c.get('ctx');
      return c.json(await customerDetail(store, c.req.valid('param').id, viewer), 200);
    })
    .openapi(api.update, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      const patch = c.req.valid('json');
      return c.json(await updateCustomer(store, c.req.valid('param').id, patch, now, settings, viewer), 200);
    })
    .openapi(api.remove, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      await softDeleteCustomer(store, c.req.valid('param').id, now, viewer);
      return c.body(null, 204);
    })
    .openapi(api.reopen, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      return c.json(await reopenCustomer(store, c.req.valid('param').id, now, settings, viewer), 200);
    })
    .openapi(api.cancelAppointment, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      await cancelAppointment(store, c.req.valid('param').id, now, settings, viewer);
      return c.body(null, 204);
    })
    .openapi(api.history, async (c) => c.json(await customerHistory(c.get('ctx').store, c.req.valid('param').id), 200))
    .openapi(api.addPerson, async (c) => {
      const { store, now } = c.get('ctx');
      return c.json(await addPerson(store, c.req.valid('param').id, c.req.valid('json'), now), 201);
    })
    .openapi(api.editPerson, async (c) => {
      const { id, personId } = c.req.valid('param');
      const { store, now } = c.get('ctx');
      return c.json(await editPerson(store, id, personId, c.req.valid('json'), now), 200);
    })
    .openapi(api.removePerson, async (c) => {
      const { id, personId } = c.req.valid('param');
      const { store, now } = c.get('ctx');
      await removePerson(store, id, personId, now);
      return c.body(null, 204);
    })
    .openapi(api.addKey, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      return c.json(await addCustomerKey(store, c.req.valid('param').id, c.req.valid('json'), now, viewer), 201);
    })
    .openapi(api.removeKey, async (c) => {
      const { id, keyId } = c.req.valid('param');
      await removeCustomerKey(c.get('ctx').store, id, keyId);
      return c.body(null, 204);
    });
