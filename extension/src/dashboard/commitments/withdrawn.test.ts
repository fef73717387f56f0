import { describe, expect, it } from 'vitest';
import { withdrawnWhy } from './withdrawn.ts';
import { commitmentsWords } from './words.ts';

const en = commitmentsWords.en.commitments;
const zh = commitmentsWords['zh-CN'].commitments;

describe('withdrawnWhy', () => {
  it("says a promise went with its lost file, in the user's language, with the loss's why", () => {
    expect(withdrawnWhy('lost (competitor: 被同行低价抢走)', en)).toBe(
      'with the file, lost (competitor: 被同行低价抢走)',
    );
    expect(withdrawnWhy('lost', zh)).toBe('客户流失时一并撤回');
  });
  it('shows a typed reason as typed, and nothing for none', () => {
    expect(withdrawnWhy('lost the sample (sent twice)', en)).toBe('lost the sample (sent twice)');
    expect(withdrawnWhy('客户说不需要了', zh)).toBe('客户说不需要了');
    expect(withdrawnWhy(null, en)).toBeNull();
  });
});
