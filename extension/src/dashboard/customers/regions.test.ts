import { describe, expect, it } from 'vitest';
import { buildRegionTree, inRegion, regionLevels } from './regions.ts';

const regions = [
  ['华东', '江苏', '徐州'],
  ['华东', '江苏', '南京'],
  ['华东', '江苏', '徐州'],
  ['华北', '北京'],
  ['华东', '上海'],
  [],
  ['东北', '辽宁', '大连'],
];

describe('region tree', () => {
  it('builds the hierarchy with counts, each level sorted by pinyin', () => {
    const tree = buildRegionTree(regions);
    const show = (nodes: typeof tree): unknown =>
      nodes.map((n) => (n.children.length ? [n.name, n.count, show(n.children)] : [n.name, n.count]));
    expect(show(tree)).toEqual([
      ['东北', 1, [['辽宁', 1, [['大连', 1]]]]],
      ['华北', 1, [['北京', 1]]],
      [
        '华东',
        4,
        [
          [
            '江苏',
            3,
            [
              ['南京', 1],
              ['徐州', 2],
            ],
          ],
          ['上海', 1],
        ],
      ],
    ]);
    expect(tree[2]?.children[0]?.children[1]?.path).toEqual(['华东', '江苏', '徐州']);
  });

  it('offers the next level of a chosen path', () => {
    const tree = buildRegionTree(regions);
    expect(regionLevels(tree, []).map((l) => l.map((n) => n.name))).toEqual([['东北', '华北', '华东']]);
    expect(regionLevels(tree, ['华东', '江苏']).map((l) => l.map((n) => n.name))).toEqual([
      ['东北', '华北', '华东'],
      ['江苏', '上海'],
      ['南京', '徐州'],
    ]);
    // A leaf offers nothing further.
    expect(regionLevels(tree, ['华东', '上海'])).toHaveLength(2);
  });

  it('matches a file within a chosen region at any depth', () => {
    expect(inRegion(['华东', '江苏', '徐州'], ['华东'])).toBe(true);
    expect(inRegion(['华东', '江苏', '徐州'], ['华东', '江苏', '徐州'])).toBe(true);
    expect(inRegion(['华东', '上海'], ['华东', '江苏'])).toBe(false);
    expect(inRegion([], ['华东'])).toBe(false);
    expect(inRegion([], [])).toBe(true);
  });
});
