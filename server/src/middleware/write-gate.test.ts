import { describe, expect, it } from 'vitest';
import { WriteGate } from './write-gate.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the write gate', () => {
  it('lets leases share it, and one writing alone waits for them and holds new ones back', async () => {
    const gate = new WriteGate();
    const order: string[] = [];
    const a = await gate.enter();
    const b = await gate.enter();
    let release!: () => void;
    const alone = gate.alone(async () => {
      order.push('import');
      await new Promise<void>((r) => {
        release = r;
      });
      order.push('import done');
    });
    const later = gate.enter().then((leave) => {
      order.push('later write');
      leave();
    });
    await tick();
    expect(order).toEqual([]);
    a();
    await tick();
    expect(order).toEqual([]);
    b();
    await tick();
    expect(order).toEqual(['import']);
    expect(gate.held).toBe(true);
    release();
    await alone;
    await later;
    expect(order).toEqual(['import', 'import done', 'later write']);
    expect(gate.held).toBe(false);
  });

  it('frees the gate when the write fails', async () => {
    const gate = new WriteGate();
    await expect(gate.alone(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(gate.held).toBe(false);
    const leave = await gate.enter();
    leave();
    leave(); // a second release is a no-op
    await gate.alone(async () => {});
  });
});
