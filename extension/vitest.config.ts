import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    // Webmail shows times in the reader's zone; fixtures are read as a user in China would.
    env: { TZ: 'Asia/Shanghai' },
  },
});
