import { router } from '../../lib/openapi.ts';
import { customerHistory, listCustomers } from '../../services/customer-list.ts';
import {
  createCustomer,
  getCustomerDetail,
  reopenCustomer,
  softDeleteCustomer,
  updateCustomer,
} from '../../services/customers.ts';
import { cancelAppointment } from '../../services/interactions.ts';
import { addCustomerKey, addPerson, editPerson, removeCustomerKey, removePerson } from '../../services/people.ts';
import * as api from './customers.api.ts';

export const customerRoutes = () =>
  router()
    .openapi(api.list, (c) => {
      const { db, now, viewer } = c.get('ctx');
      return c.json(listCustomers(db, c.req.valid('query'), now, viewer), 200);
    })
    .openapi(api.create, async (c) => {
      const { db, now, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      const { customer, replayed } = createCustomer(db, c.req.valid('json'), now, settings, viewer);
      return replayed ? c.json(customer, 200) : c.json(customer, 201);
    })
    .openapi(api.read, (c) => {
      const { db, viewer } = c.get('ctx');
      return c.json(getCustomerDetail(db, c.req.valid('param').id, viewer), 200);
    })
    .openapi(api.update, async (c) => {
      const { db, now, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      return c.json(updateCustomer(db, c.req.valid('param').id, c.req.valid('json'), now, settings, viewer), 200);
    })
    .openapi(api.remove, (c) => {
      const { db, now, viewer } = c.get('ctx');
      softDeleteCustomer(db, c.req.valid('param').id, now, viewer);
      return c.body(null, 204);
    })
    .openapi(api.reopen, async (c) => {
      const { db, now, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      return c.json(reopenCustomer(db, c.req.valid('param').id, now, settings, viewer), 200);
    })
    .openapi(api.cancelAppointment, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      await cancelAppointment(store, c.req.valid('param').id, now, settings, viewer);
      return c.body(null, 204);
    })
    .openapi(api.history, (c) => c.json(customerHistory(c.get('ctx').db, c.req.valid('param').id), 200))
    .openapi(api.addPerson, (c) => {
      const { db, now } = c.get('ctx');
      return c.json(addPerson(db, c.req.valid('param').id, c.req.valid('json'), now), 201);
    })
    .openapi(api.editPerson, (c) => {
      const { id, personId } = c.req.valid('param');
      const { db, now } = c.get('ctx');
      return c.json(editPerson(db, id, personId, c.req.valid('json'), now), 200);
    })
    .openapi(api.removePerson, (c) => {
      const { id, personId } = c.req.valid('param');
      const { db, now } = c.get('ctx');
      removePerson(db, id, personId, now);
      return c.body(null, 204);
    })
    .openapi(api.addKey, (c) => {
      const { db, now, viewer } = c.get('ctx');
      return c.json(addCustomerKey(db, c.req.valid('param').id, c.req.valid('json'), now, viewer), 201);
    })
    .openapi(api.removeKey, (c) => {
      const { id, keyId } = c.req.valid('param');
      removeCustomerKey(c.get('ctx').db, id, keyId);
      return c.body(null, 204);
    });
