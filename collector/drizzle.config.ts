// drizzle-kit configuration: `npx drizzle-kit generate` turns src/storage/schema.ts into SQL migrations in
// ./drizzle, which the collector applies at start (src/storage/open-database.ts). Never edit them by hand.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/storage/schema.ts',
  out: './drizzle',
});
