// Drives the gateway's Swagger UI as its users do, in Debian's Chromium, headless, through playwright-core (no browser
// download): a program admin authorizes with client credentials and runs GET /calls; a founder pastes the token its
// login gave into the bearer field and runs the gateway's GET /auth/me. Each reads the answer.
// Environment: GATEWAY_URL, CLIENT_ID, CLIENT_SECRET, FOUNDER_TOKEN, SCREENSHOT (optional path).
import { chromium } from 'playwright-core';

const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080';
const clientId = process.env.CLIENT_ID ?? 'admin';
const clientSecret = process.env.CLIENT_SECRET;
const founderToken = process.env.FOUNDER_TOKEN;
if (!clientSecret || !founderToken) {
  console.error('CLIENT_SECRET and FOUNDER_TOKEN are required');
  process.exit(2);
}

/** Opens one API definition of the aggregated Swagger UI, as picking it in the definition list does. */
async function open(page, definition) {
  await page.goto(`${gateway}/q/swagger-ui/?urls.primaryName=${definition}`);
  await page.locator('.swagger-ui .info .title').first().waitFor();
  return (await page.locator('.swagger-ui .info .title').first().innerText()).split('\n')[0];
}

/** Fills one security scheme's form in the Authorize dialog and closes the dialog. */
async function authorize(page, scheme, fill) {
  await page.locator('button.authorize').first().click();
  const modal = page.locator('.modal-ux');
  await modal.waitFor();
  const form = modal.locator('.auth-container', { hasText: scheme });
  await fill(form);
  await form.locator('button.authorize').click();
  await form.locator('button', { hasText: 'Logout' }).waitFor();
  await modal.locator('button.btn-done, button.close-modal').first().click();
}

/** Try it out, Execute, and the status and start of the body Swagger UI shows. */
async function run(page, method, path) {
  const operation = page.locator(`.opblock-${method}`, { has: page.locator(`[data-path="${path}"]`) }).first();
  await operation.locator('.opblock-summary').first().click();
  await operation.locator('button.try-out__btn').click();
  await operation.locator('button.execute').click();
  const status = operation.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor();
  return {
    status: (await status.innerText()).trim(),
    body: (await operation.locator('.live-responses-table .response-col_description pre').first().innerText()).slice(0, 300),
  };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic'],
});
const result = { steps: [] };
try {
  const admin = await browser.newPage();
  admin.setDefaultTimeout(20000);
  result.steps.push(`loaded: ${await open(admin, 'applications')}`);
  await authorize(admin, 'gatewayClientCredentials', async form => {
    await form.locator('input[data-name="clientId"], #client_id').first().fill(clientId);
    await form.locator('input[data-name="clientSecret"], #client_secret').first().fill(clientSecret);
  });
  result.steps.push('authorized with client credentials');
  result.admin = await run(admin, 'get', '/calls');
  result.steps.push(`GET /calls answered ${result.admin.status}`);
  if (process.env.SCREENSHOT) {
    await admin.screenshot({ path: process.env.SCREENSHOT, fullPage: false });
  }

  const founder = await browser.newPage();
  founder.setDefaultTimeout(20000);
  result.steps.push(`loaded: ${await open(founder, 'gateway')}`);
  await authorize(founder, 'bearerToken', async form => form.locator('input').first().fill(founderToken));
  result.steps.push('authorized with a bearer token');
  result.founder = await run(founder, 'get', '/auth/me');
  result.steps.push(`GET /auth/me answered ${result.founder.status}`);
} catch (error) {
  result.error = String(error);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(result.admin?.status === '200' && result.founder?.status === '200' ? 0 : 1);
