// Allure 3 configuration for `npm run report` (cli/report.ts) and `npx allure generate`.
// A single self-contained HTML file: it opens offline and can be attached to a certification.
import { defineConfig } from 'allure';

export default defineConfig({
  name: '3DS Partners Sales API conformance',
  output: './reports/allure-report',
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportLanguage: 'en',
        groupBy: ['epic', 'feature', 'story'],
      },
    },
  },
});
