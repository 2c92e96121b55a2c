// drizzle-kit configuration for the PostgreSQL schema (src/storage/pg-schema.ts):
// `npx drizzle-kit generate --config drizzle-pg.config.ts` writes its migrations to ./drizzle-pg. Never edit them.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/storage/pg-schema.ts',
  out: './drizzle-pg',
});
