// Drives the gateway's Swagger UI as a program admin would: authorize with client credentials, run one call, read
// the answer. Debian's Chromium, headless, through playwright-core (no browser download).
// Environment: GATEWAY_URL, CLIENT_ID, CLIENT_SECRET, SCREENSHOT (optional path).
import { chromium } from 'playwright-core';

const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080';
const clientId = process.env.CLIENT_ID ?? 'admin';
const clientSecret = process.env.CLIENT_SECRET;
if (!clientSecret) {
  console.error('CLIENT_SECRET is required');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic'],
});
const result = { steps: [] };
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(20000);
  await page.goto(`${gateway}/q/swagger-ui/`);
  await page.locator('.swagger-ui .info .title').first().waitFor();
  result.steps.push(`loaded: ${(await page.locator('.swagger-ui .info .title').first().innerText()).split('\n')[0]}`);

  await page.locator('button.authorize').first().click();
  const modal = page.locator('.modal-ux');
  await modal.waitFor();
  const form = modal.locator('.auth-container', { hasText: 'gatewayClientCredentials' });
  await form.locator('input[data-name="clientId"], #client_id').first().fill(clientId);
  await form.locator('input[data-name="clientSecret"], #client_secret').first().fill(clientSecret);
  await form.locator('button.authorize').click();
  await form.locator('button', { hasText: 'Logout' }).waitFor();
  result.steps.push('authorized with client credentials');
  await modal.locator('button.btn-done, button.close-modal').first().click();

  const operation = page.locator('.opblock-get', { has: page.locator('[data-path="/calls"]') }).first();
  await operation.locator('.opblock-summary').first().click();
  await operation.locator('button.try-out__btn').click();
  await operation.locator('button.execute').click();
  const status = operation.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor();
  result.status = (await status.innerText()).trim();
  result.body = (await operation.locator('.live-responses-table .response-col_description pre').first().innerText()).slice(0, 300);
  result.steps.push(`GET /calls answered ${result.status}`);
  if (process.env.SCREENSHOT) {
    await page.screenshot({ path: process.env.SCREENSHOT, fullPage: false });
  }
} catch (error) {
  result.error = String(error);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(result.status === '200' ? 0 : 1);
