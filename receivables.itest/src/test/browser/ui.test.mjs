// The web UI in a real browser: Debian's Chromium, headless, driven by playwright-core, with real clicks against
// the reference host that BrowserIT started. A screenshot of each step goes to SCREENSHOT_DIR. Fails on any
// console error (a message key missing in a language is one), on any uncaught page error, and on any step.
//
// Environment: BASE_URL, TENANT, API_KEY (to seed data over the REST API), USERNAME, PASSWORD, SCREENSHOT_DIR,
// DEPLOY_DIR (the host's deploy/) and PAYLINK_JAR (the example provider bundle, which brings a fragment).

import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const BASE = env('BASE_URL');
const TENANT = env('TENANT');
const API_KEY = env('API_KEY');
const USERNAME = env('USERNAME');
const PASSWORD = env('PASSWORD');
const SHOTS = env('SCREENSHOT_DIR');
const DEPLOY_DIR = env('DEPLOY_DIR');
const PAYLINK_JAR = env('PAYLINK_JAR');
mkdirSync(SHOTS, { recursive: true });

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const results = { passed: 0, failed: 0 };

async function rest(method, path, body, headers = {}) {
  const response = await fetch(BASE + path, {
    method,
    headers: { 'X-Tenant': TENANT, Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});

/** A fresh browser context (new profile) with a page that records every console error and page error. */
async function open(viewport, language) {
  const context = await browser.newContext({ viewport, locale: language, hasTouch: viewport === PHONE, isMobile: viewport === PHONE });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (message) => { if (message.type() === 'error') page.errors.push(message.text()); });
  page.on('pageerror', (error) => page.errors.push(String(error)));
  page.setDefaultTimeout(15000);
  return { context, page };
}

async function step(name, page, action) {
  const started = Date.now();
  try {
    await action();
    const unexpected = page.errors.filter((text) => !page.expectedErrors || !page.expectedErrors.some((pattern) => pattern.test(text)));
    if (unexpected.length) throw new Error(`console errors: ${unexpected.join(' | ')}`);
    results.passed += 1;
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.failed += 1;
    console.log(`FAIL ${name}: ${error.stack || error}`);
  } finally {
    await page.screenshot({ path: join(SHOTS, `${String(results.passed + results.failed).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true })
      .catch(() => null);
    page.errors.length = 0;
  }
}

async function signIn(page) {
  await page.goto(`${BASE}/receivables/index.html`);
  await page.getByLabel(/Tenant|租户/).first().fill(TENANT);
  await page.getByLabel(/User name|用户名/).fill(USERNAME);
  await page.getByLabel(/^Password$|^密码$/).fill(PASSWORD);
  await page.getByRole('button', { name: /^Sign in$|^登录$/ }).click();
  await page.locator('#navigation a').first().waitFor();
}

const expect = async (locator, what) => {
  await locator.first().waitFor({ state: 'visible' }).catch(() => { throw new Error(`not shown: ${what}`); });
};

// ---- data the screens work on ------------------------------------------------------------------------------------
const run = Date.now().toString(36).toUpperCase();
const overdueCustomer = await rest('POST', '/api/v1/customers', { name: `Overdue Trading ${run}`, currency: 'EUR' });
const old = await rest('POST', '/api/v1/invoices', { orderId: `SO-OLD-${run}`, customerId: overdueCustomer.id, currency: 'EUR',
  orderDate: '2026-01-02', lines: [{ product: 'CRATE', quantity: 3, unitPrice: '410.00', taxRate: 19 }] });
await rest('POST', `/api/v1/invoices/${old.id}/issue`, { issueDate: '2026-01-05' });

// ---- desktop, English -------------------------------------------------------------------------------------------
{
  const { context, page } = await open(DESKTOP, 'en-US');
  await step('sign-in-screen', page, async () => {
    await page.goto(`${BASE}/receivables/index.html`);
    await expect(page.getByRole('heading', { name: 'Sign in' }), 'sign-in heading');
    await page.getByLabel('Language').selectOption('en');
  });
  await step('wrong-password-is-refused-with-a-message', page, async () => {
    page.expectedErrors = [/401/];
    await page.getByLabel('Tenant').fill(TENANT);
    await page.getByLabel('User name').fill(USERNAME);
    await page.getByLabel(/^Password$/).fill(`${PASSWORD}-wrong`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.sign-in .problem:not(:empty)'), 'refusal');
  });
  await step('signed-in-dashboard', page, async () => {
    page.expectedErrors = [];
    await signIn(page);
    await expect(page.getByRole('heading', { name: 'Dashboard' }), 'dashboard');
    await expect(page.locator('.tile-amount'), 'open total');
    await expect(page.locator('.chart svg'), 'aging chart');
    await expect(page.getByRole('link', { name: overdueCustomer.name }), 'overdue customer');
    for (const title of ['Customers', 'Invoices', 'Payments', 'Payment intents', 'Bank statements', 'Suspense queue']) {
      await expect(page.locator('#navigation').getByRole('link', { name: title, exact: true }), `navigation entry ${title}`);
    }
  });
  const customerName = `Browser Buyer ${run}`;
  await step('create-customer', page, async () => {
    await page.locator('#navigation').getByRole('link', { name: 'Customers', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill(customerName);
    await page.getByLabel('Currency').fill('EUR');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect(page.getByText(`Customer ${customerName} created.`), 'confirmation');
  });
  await step('refused-customer-names-the-field', page, async () => {
    page.expectedErrors = [/400/];
    await page.getByLabel('Name', { exact: true }).fill('Bad Currency Ltd');
    await page.getByLabel('Currency').fill('XXX');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect(page.locator('.problem', { hasText: 'currency' }), 'problem naming currency');
  });
  await step('issue-invoice', page, async () => {
    page.expectedErrors = [];
    await page.getByLabel('Search by name').fill(customerName);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: customerName }).click();
    await page.getByRole('link', { name: 'New invoice' }).click();
    await page.getByLabel('Product').fill('WIDGET');
    await page.getByLabel('Quantity').fill('2');
    await page.getByLabel('Unit price').fill('50.00');
    await page.getByLabel('Tax rate %').fill('19');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('button', { name: 'Issue' }).click();
    await expect(page.locator('h1 .badge', { hasText: 'Issued' }), 'issued badge');
    await expect(page.locator('.invoice-open', { hasText: '€119.00' }), 'open amount');
  });
  await step('record-payment-turns-the-invoice-paid', page, async () => {
    await page.getByRole('link', { name: 'Record payment' }).click();
    await page.getByLabel('Amount').waitFor();
    await page.waitForFunction(() => document.querySelector('[name=amount]').value === '119.00');
    await page.getByRole('button', { name: 'Record payment' }).click();
    await expect(page.locator('h1', { hasText: 'PAY-' }), 'payment number');
    await page.getByRole('link', { name: 'Open' }).nth(1).click();
    await expect(page.locator('h1 .badge', { hasText: 'Paid' }), 'paid badge');
  });
  await step('invoice-turns-paid-live-without-reloading', page, async () => {
    const invoice = await rest('POST', '/api/v1/invoices', { orderId: `SO-LIVE-${run}`, customerId: overdueCustomer.id, currency: 'EUR',
      orderDate: '2026-03-01', lines: [{ product: 'BOX', quantity: 1, unitPrice: '80.00', taxRate: 0 }] });
    await rest('POST', `/api/v1/invoices/${invoice.id}/issue`, { issueDate: '2026-03-02' });
    await page.goto(`${BASE}/receivables/index.html#/core.invoices?id=${invoice.id}`);
    await expect(page.locator('h1 .badge', { hasText: 'Issued' }), 'issued badge');
    await page.evaluate(() => { window.notReloaded = true; });
    await rest('POST', '/api/v1/payments', { customerId: overdueCustomer.id, method: 'BANK_TRANSFER', amount: '80.00', currency: 'EUR',
      valueDate: '2026-03-05', allocateTo: [{ invoiceId: invoice.id }] }, { 'Idempotency-Key': `live-${run}` });
    await expect(page.locator('h1 .badge', { hasText: 'Paid' }), 'paid badge without a reload');
    if (!(await page.evaluate(() => window.notReloaded))) throw new Error('the page was reloaded');
    await expect(page.locator('.alert', { hasText: 'Payment received: €80.00' }), 'live alert');
  });
  await step('invoice-list-filters-and-totals', page, async () => {
    await page.locator('#navigation').getByRole('link', { name: 'Invoices', exact: true }).click();
    await page.getByLabel('Status').selectOption('ISSUED');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.locator('tfoot', { hasText: 'Totals of this page' }), 'page totals');
    const statuses = await page.locator('tbody .badge').allTextContents();
    if (statuses.some((status) => status !== 'Issued')) throw new Error(`filter let through ${statuses}`);
  });
  await step('bank-statement-upload-with-progress-and-counts', page, async () => {
    const invoice = await rest('POST', '/api/v1/invoices', { orderId: `SO-BANK-${run}`, customerId: overdueCustomer.id, currency: 'EUR',
      orderDate: '2026-03-01', lines: [{ product: 'BOX', quantity: 1, unitPrice: '100.00', taxRate: 0 }] });
    const issued = await rest('POST', `/api/v1/invoices/${invoice.id}/issue`, { issueDate: '2026-03-02' });
    const entry = (reference, amount, party, text) => `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>`
      + '<BookgDt><Dt>2026-03-10</Dt></BookgDt><ValDt><Dt>2026-03-10</Dt></ValDt>'
      + `<AcctSvcrRef>${reference}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>${party}</Nm></Dbtr></RltdPties>`
      + `<RmtInf><Ustrd>${text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n`;
    const file = join(SHOTS, `statement-${run}.xml`);
    writeFileSync(file, '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n'
      + `<BkToCstmrStmt><GrpHdr><MsgId>M-${run}</MsgId></GrpHdr>\n<Stmt><Id>UI-${run}</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>\n`
      + entry(`UI-1-${run}`, '100.00', overdueCustomer.name, `invoice ${issued.number}`)
      + entry(`UI-2-${run}`, '33.00', 'Somebody Unknown', 'April')
      + '</Stmt></BkToCstmrStmt></Document>\n');
    await page.locator('#navigation').getByRole('link', { name: 'Bank statements', exact: true }).click();
    await page.getByLabel('Statement file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.locator('.import-status', { hasText: 'Completed' }), 'import completed');
    await expect(page.locator('.legend', { hasText: 'Matched and booked: 1' }), 'matched count');
    await expect(page.locator('.legend', { hasText: 'Left in the suspense queue: 1' }), 'suspended count');
    await expect(page.locator('.stacked .part.matched'), 'outcome bar');
  });
  await step('suspense-item-dismissed-by-hand', page, async () => {
    await page.locator('#navigation').getByRole('link', { name: 'Suspense queue', exact: true }).click();
    const item = page.locator('article', { hasText: 'Somebody Unknown' }).first();
    await item.getByLabel('Why this is no customer\'s payment').fill('paid twice by mistake, returned');
    await item.getByRole('button', { name: 'Dismiss' }).click();
    await page.locator('article', { hasText: 'Somebody Unknown' }).first().waitFor({ state: 'detached' });
  });
  await step('a-fragment-that-fails-shows-its-error-and-the-rest-works', page, async () => {
    page.expectedErrors = [/suspense/i, /Failed to fetch dynamically imported module/i, /500/];
    await context.route('**/receivables/fragments/bank/suspense.js*', (route) => route.fulfill({ status: 500, body: 'broken' }));
    await page.reload();
    await page.locator('#navigation a').first().waitFor();
    await page.locator('#navigation').getByRole('link', { name: 'Suspense queue', exact: true }).click();
    await expect(page.locator('.fragment-error', { hasText: 'could not be loaded' }), 'error in place of the fragment');
    await page.locator('#navigation').getByRole('link', { name: 'Customers', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Customers' }), 'the rest still works');
    await context.unroute('**/receivables/fragments/bank/suspense.js*');
  });
  await step('payment-intent-shows-bank-details-and-epc-qr', page, async () => {
    page.expectedErrors = [];
    await page.locator('#navigation').getByRole('link', { name: 'Customers', exact: true }).click();
    await page.getByRole('link', { name: overdueCustomer.name }).first().click();
    await page.goto(`${BASE}/receivables/index.html#/core.invoices?id=${old.id}`);
    await page.getByRole('link', { name: 'Take payment with a provider' }).click();
    await page.getByLabel('Provider').selectOption('bank-transfer');
    await page.getByRole('button', { name: 'Start payment' }).click();
    await expect(page.locator('.intent-status .badge', { hasText: 'Pending' }), 'pending intent');
    await expect(page.getByText('DE89370400440532013000'), 'IBAN');
    await expect(page.getByRole('img', { name: 'EPC QR code for a banking app' }), 'EPC QR image');
  });
  await step('hot-deployed-bundle-brings-its-provider-and-fragment', page, async () => {
    await page.goto(`${BASE}/receivables/index.html#/core.intents?invoiceId=${old.id}`);
    await page.getByLabel('Provider').waitFor();
    if (await page.locator('option', { hasText: 'Pay by link' }).count()) throw new Error('paylink offered before it was deployed');
    copyFileSync(PAYLINK_JAR, join(DEPLOY_DIR, 'receivables.payments.paylink.jar'));
    for (let i = 0; i < 60 && !(await page.locator('option', { hasText: 'Pay by link' }).count()); i++) {
      await page.waitForTimeout(1000);
      await page.goto(`${BASE}/receivables/index.html#/core.dashboard`);
      await page.goto(`${BASE}/receivables/index.html#/core.intents?invoiceId=${old.id}`);
      await page.getByLabel('Provider').waitFor();
    }
    await page.getByLabel('Provider').selectOption('paylink');
    await page.getByRole('button', { name: 'Start payment' }).click();
    await expect(page.locator('.paylink a', { hasText: 'Open the payment page' }), 'the bundle\'s own fragment');
  });
  await step('removed-bundle-takes-its-fragment-away', page, async () => {
    rmSync(join(DEPLOY_DIR, 'receivables.payments.paylink.jar'));
    await page.locator('.paylink').waitFor({ state: 'detached', timeout: 30000 });
    await expect(page.locator('.instructions a.button', { hasText: 'Pay online' }), 'the shell\'s own redirect link instead');
  });
  await step('sign-out', page, async () => {
    page.expectedErrors = [];
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' }), 'sign-in again');
  });
  await context.close();
}

// ---- desktop, Chinese: every label translated (a missing key is a console error) ---------------------------------
{
  const { context, page } = await open(DESKTOP, 'zh-CN');
  await step('zh-sign-in', page, async () => {
    await page.goto(`${BASE}/receivables/index.html`);
    await expect(page.getByRole('heading', { name: '登录' }), '登录');
    await signIn(page);
    await expect(page.getByRole('heading', { name: '仪表板' }), '仪表板');
  });
  for (const [title, heading] of [['客户', '客户'], ['发票', '发票'], ['付款', '付款'], ['支付意向', '支付意向'], ['银行对账单', '银行对账单'], ['待处理队列', '待处理队列']]) {
    await step(`zh-${title}`, page, async () => {
      await page.locator('#navigation').getByRole('link', { name: title, exact: true }).click();
      await expect(page.getByRole('heading', { name: heading, exact: true }), heading);
      const latin = await page.locator('#content label').allTextContents();
      const english = latin.filter((text) => /^[A-Za-z][a-z]+( [a-z]+)*$/.test(text.trim()) && !/^(IBAN|BIC)$/.test(text.trim()));
      if (english.length) throw new Error(`untranslated labels: ${english}`);
    });
  }
  await step('zh-customer-detail', page, async () => {
    await page.locator('#navigation').getByRole('link', { name: '客户', exact: true }).click();
    await page.getByRole('link', { name: overdueCustomer.name }).first().click();
    await expect(page.getByRole('heading', { name: '对账单' }), '对账单');
    await expect(page.locator('.badge.overdue'), 'days overdue badge');
  });
  await context.close();
}

// ---- phone, the collector's path: dashboard, customer, open items, show a QR code --------------------------------
{
  const { context, page } = await open(PHONE, 'zh-CN');
  await step('phone-dashboard', page, async () => {
    await signIn(page);
    await expect(page.getByRole('heading', { name: '仪表板' }), '仪表板');
    const box = await page.locator('#navigation a').first().boundingBox();
    if (box.height < 44) throw new Error(`navigation targets are ${box.height}px high`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) throw new Error(`the page is ${width}px wide on a 390px phone`);
  });
  await step('phone-customer', page, async () => {
    await page.getByRole('link', { name: overdueCustomer.name }).first().click();
    await expect(page.getByRole('heading', { name: '未结项目' }), '未结项目');
  });
  await step('phone-language-switch-to-english', page, async () => {
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Open items' }), 'Open items');
  });
  await context.close();
}

await browser.close();
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
