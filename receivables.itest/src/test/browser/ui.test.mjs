// The web UI in a real browser: Debian's Chromium, headless, driven by playwright-core, with real clicks against
// the reference host that BrowserIT started. A screenshot of each step goes to SCREENSHOT_DIR. Fails on any
// console error (a message key missing in a language is one), on any uncaught page error, and on any step.
//
// Environment: BASE_URL, TENANT, API_KEY (to seed data over the REST API), ADMIN_USERNAME and
// ADMIN_ONE_TIME_PASSWORD (a tenant admin, finance manager and clerk), COLLECTOR_USERNAME, COLLECTOR_ID and
// COLLECTOR_ONE_TIME_PASSWORD (a collector and nothing else), BUYER_URL (the payer's phone: POST what a QR
// code says and the wallet gateway emulator pays it), SCREENSHOT_DIR, DEPLOY_DIR (the host's deploy/), PAYLINK_JAR
// (the example provider bundle, which brings a fragment), BANK_FILES (the shared corpus of real bank statements),
// HOST_DIR (the host's directory, searched for a secret in clear) and CHROMIUM (default /usr/bin/chromium).

import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
const ADMIN = { username: env('ADMIN_USERNAME'), oneTime: env('ADMIN_ONE_TIME_PASSWORD'), password: 'a passphrase she chose herself' };
const COLLECTOR = { username: env('COLLECTOR_USERNAME'), id: env('COLLECTOR_ID'), oneTime: env('COLLECTOR_ONE_TIME_PASSWORD'), password: 'a passphrase he chose himself' };
const BUYER = env('BUYER_URL');
const SHOTS = env('SCREENSHOT_DIR');
const DEPLOY_DIR = env('DEPLOY_DIR');
const PAYLINK_JAR = env('PAYLINK_JAR');
const BANK_FILES = env('BANK_FILES');
const HOST_DIR = env('HOST_DIR');
mkdirSync(SHOTS, { recursive: true });

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const results = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

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

/**
 * A page that records every console error, page error, server error and missing resource, so that a step fails on
 * them. Refusals (4xx other than 404) are answers the screens show, judged by the steps; the console line the
 * browser writes for each is left to them.
 */
function watched(page) {
  page.errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/^Failed to load resource/.test(message.text())) page.errors.push(message.text());
  });
  page.on('pageerror', (error) => page.errors.push(String(error)));
  page.on('response', (response) => {
    // A risk score not there yet (no model, or not scored so far) is a 404 the screens show as such.
    const notScoredYet = response.status() === 404 && /\/api\/v1\/risk\/(customers|invoices)\/[^/?]+$/.test(response.url());
    if ((response.status() >= 500 || response.status() === 404) && !notScoredYet) page.errors.push(`${response.status()} ${response.url()}`);
  });
  page.setDefaultTimeout(15000);
  return page;
}

/** A fresh browser context (new profile) at the viewport, the browser's language set to language. */
async function open(viewport, language) {
  const context = await browser.newContext({ viewport, locale: language, hasTouch: viewport === PHONE, isMobile: viewport === PHONE });
  return { context, page: watched(await context.newPage()) };
}

/**
 * Runs one step on page, screenshot afterwards. The steps of a page build on each other: after one fails, the
 * page's later steps are skipped (and the run fails) rather than each waiting out its timeouts.
 */
async function step(name, page, action) {
  if (page.broken) {
    results.skipped += 1;
    console.log(`skip ${name}: ${page.broken} failed`);
    return;
  }
  const began = Date.now();
  try {
    await action();
    const unexpected = page.errors.filter((text) => !page.expectedErrors || !page.expectedErrors.some((pattern) => pattern.test(text)));
    if (unexpected.length) throw new Error(`console errors: ${unexpected.join(' | ')}`);
    results.passed += 1;
    console.log(`ok   ${name} (${Date.now() - began} ms)`);
  } catch (error) {
    results.failed += 1;
    page.broken = name;
    console.log(`FAIL ${name}: ${error.stack || error}`);
  } finally {
    const shot = `${String(results.passed + results.failed + results.skipped).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-')}.png`;
    await page.screenshot({ path: join(SHOTS, shot), fullPage: true }).catch(() => null);
    page.errors.length = 0;
    page.expectedErrors = [];
  }
}

const expect = async (locator, what) => {
  await locator.first().waitFor({ state: 'visible' }).catch(() => { throw new Error(`not shown: ${what}`); });
};

/** Waits until the screen shown has loaded what it shows (the live-event stream keeps the network busy). */
async function settled(page) {
  await page.locator('#content section.fragment:not([aria-busy])').waitFor();
  await page.locator('#content .muted', { hasText: /^(Loading|正在加载)/ }).waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
}

const nav = (page, title) => page.locator('#navigation').getByRole('link', { name: title, exact: true }).click();

/** Signs in through the form; with a one-time password, answers the request for a password of one's own. */
async function signIn(page, user, { firstTime = false } = {}) {
  await page.goto(`${BASE}/receivables/index.html`);
  await page.getByLabel(/^(Tenant|租户)$/).fill(TENANT);
  await page.getByLabel(/^(User name|用户名)$/).fill(user.username);
  await page.getByLabel(/^(Password|密码)$/).fill(firstTime ? user.oneTime : user.password);
  await page.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
  if (firstTime) {
    await expect(page.getByText(/^(Your password was issued for one sign-in|您的密码仅供一次登录使用)/), 'the request for a password of one\'s own');
    await page.getByLabel(/^(New password of your own|您自己的新密码)$/).fill(user.password);
    await page.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
  }
  await page.locator('#navigation a').first().waitFor();
}

/** The buyer scans the QR code shown and pays it with the wallet app; the gateway then notifies the host. */
async function payByScanning(page) {
  const scanned = (await page.locator('.qr-figure figcaption a, .qr-figure figcaption code').first().textContent()).trim();
  const response = await fetch(BUYER, { method: 'POST', body: scanned });
  if (!response.ok) throw new Error(`the wallet did not pay ${scanned}: ${response.status} ${await response.text()}`);
}

/** The files under directory (bundle jars and files over 50 MB left out) that hold text; one gone meanwhile holds none. */
function filesHolding(directory, text) {
  const holds = (file) => {
    try {
      const found = statSync(file);
      return found.isFile() && found.size < 50e6 && readFileSync(file).includes(text);
    } catch (gone) {
      return false;
    }
  };
  return readdirSync(directory, { recursive: true }).map((name) => join(directory, String(name)))
    .filter((file) => !file.endsWith('.jar') && holds(file));
}

/** The chart named so for screen readers is drawn by ECharts: its SVG holds the bars. */
/**
 * Waits until the list shows only rows of {@code status}: the rows and footer may still be the unfiltered list's for
 * a moment after "Show".
 */
async function onlyRowsWithStatus(page, status) {
  let statuses = [];
  for (const until = Date.now() + 10000; Date.now() < until; await page.waitForTimeout(100)) {
    statuses = await page.locator('tbody .badge').allTextContents();
    if (statuses.length > 0 && statuses.every((shown) => shown === status)) return;
  }
  throw new Error(`filter let through ${statuses}`);
}

async function chartDrawn(page, name) {
  const chart = page.locator(`.chart .chart-box[aria-label="${name}"]`);
  await expect(chart.locator('svg'), `the chart ${name}`);
  for (const until = Date.now() + 10000; (await chart.locator('svg path').count()) < 3; await page.waitForTimeout(100)) {
    if (Date.now() > until) throw new Error(`the chart ${name} has no bars`);
  }
}

/** Reloads the page until the navigation has (or lacks) the entry: the host takes a moment to apply a configuration. */
async function navigationHas(page, title, wanted) {
  for (const until = Date.now() + 30000; ; await page.waitForTimeout(500)) {
    await page.reload();
    await page.locator('#navigation a').first().waitFor();
    const has = (await page.locator('#navigation').getByRole('link', { name: title, exact: true }).count()) > 0;
    if (has === wanted) return;
    if (Date.now() > until) throw new Error(`the navigation ${wanted ? 'lacks' : 'still has'} ${title}`);
  }
}

// ---- data the screens work on ------------------------------------------------------------------------------------
const run = Date.now().toString(36).toUpperCase();
const overdueCustomer = await rest('POST', '/api/v1/customers', { name: `Overdue Trading ${run}`, currency: 'EUR' });
const old = await rest('POST', '/api/v1/invoices', { orderId: `SO-OLD-${run}`, customerId: overdueCustomer.id, currency: 'EUR',
  orderDate: '2026-01-02', lines: [{ product: 'CRATE', quantity: 3, unitPrice: '410.00', taxRate: 19 }] });
await rest('POST', `/api/v1/invoices/${old.id}/issue`, { issueDate: '2026-01-05' });
await rest('PUT', `/api/v1/customers/${overdueCustomer.id}/collector`, { collector: COLLECTOR.id });
// A customer whose invoices fall into every bucket of the aging, so that the dashboard shows what it is for.
const daysAgo = (days) => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);
const regular = await rest('POST', '/api/v1/customers', { name: `Regular Supplies ${run}`, currency: 'EUR' });
for (const [days, price] of [[3, '860.00'], [45, '420.00'], [75, '310.00'], [100, '150.00']]) {
  const invoice = await rest('POST', '/api/v1/invoices', { orderId: `SO-${days}-${run}`, customerId: regular.id, currency: 'EUR',
    orderDate: daysAgo(days), lines: [{ product: 'PAPER', quantity: 1, unitPrice: price, taxRate: 19 }] });
  await rest('POST', `/api/v1/invoices/${invoice.id}/issue`, { issueDate: daysAgo(days) });
}
// A customer with a payment history for the risk model to learn from: 32 invoices paid up to 60 days late, 3 open.
const latePayer = await rest('POST', '/api/v1/customers', { name: `Late Payer ${run}`, currency: 'EUR' });
for (let i = 0; i < 35; i += 1) {
  const day = daysAgo(i < 32 ? 400 - 10 * i : 20 - 5 * (i - 32));
  const invoice = await rest('POST', '/api/v1/invoices', { orderId: `SO-LATE-${i}-${run}`, customerId: latePayer.id, currency: 'EUR',
    orderDate: day, lines: [{ product: 'CRATE', quantity: 1, unitPrice: `${200 + 10 * i}.00`, taxRate: 19 }] });
  const issued = await rest('POST', `/api/v1/invoices/${invoice.id}/issue`, { issueDate: day });
  if (i >= 32) continue;
  const paid = new Date(Date.parse(`${issued.installments[0].dueDate}T00:00:00Z`) + (i % 4) * 20 * 86400000).toISOString().slice(0, 10);
  await rest('POST', '/api/v1/payments', { customerId: latePayer.id, method: 'BANK_TRANSFER', currency: 'EUR', amount: issued.gross.amount,
    valueDate: paid < daysAgo(0) ? paid : daysAgo(0), allocateTo: [{ invoiceId: invoice.id }] }, { 'Idempotency-Key': `late-${i}-${run}` });
}

// ---- desktop, English: the clerk's and the finance manager's day ------------------------------------------------
{
  const { context, page } = await open(DESKTOP, 'en-US');
  await step('sign-in-screen', page, async () => {
    await page.goto(`${BASE}/receivables/index.html`);
    await expect(page.getByRole('heading', { name: 'Sign in' }), 'sign-in heading');
    await page.getByLabel('Language').selectOption('en');
  });
  await step('wrong-password-is-refused-with-a-message', page, async () => {
    await page.getByLabel('Tenant').fill(TENANT);
    await page.getByLabel('User name').fill(`nobody-${run.toLowerCase()}`);
    await page.getByLabel(/^Password$/).fill('a guess of a password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.sign-in .problem', { hasText: /\S/ }), 'refusal');
  });
  await step('first-sign-in-replaces-the-one-time-password', page, async () => {
    await signIn(page, ADMIN, { firstTime: true });
    await expect(page.getByRole('heading', { name: 'Dashboard' }), 'dashboard');
  });
  await step('dashboard', page, async () => {
    await expect(page.locator('.tile-amount'), 'open total');
    await chartDrawn(page, 'Aging in EUR');
    await expect(page.locator('.chart th a', { hasText: 'Not yet due' }), 'the aging chart\'s table, each bucket a link');
    await expect(page.getByRole('link', { name: overdueCustomer.name }), 'overdue customer');
    for (const title of ['Customers', 'Invoices', 'Payments', 'Payment intents', 'Collections', 'Bank statements', 'Suspense queue', 'Settings']) {
      await expect(page.locator('#navigation').getByRole('link', { name: title, exact: true }), `navigation entry ${title}`);
    }
  });
  await step('risk-model-trained-from-the-dashboard', page, async () => {
    const risk = page.locator('section.riskiest');
    await expect(risk.getByText('No customer has a risk score yet'), 'the empty state without a model');
    await risk.getByRole('button', { name: 'Train the risk model' }).click();
    await expect(risk.getByRole('link', { name: latePayer.name }), 'the late payer among the riskiest');
    await expect(risk.locator('.badge', { hasText: /^Risk \d+$/ }), 'a score');
    await expect(risk.getByText(/^Scored on .* by model 1/), 'the model that scored');
    const reasons = await risk.locator('ul.reasons li').allTextContents();
    if (reasons.length === 0 || reasons.some((text) => /[A-Z]+_[A-Z]+|risk\.factor/.test(text))) throw new Error(`reasons not in words: ${reasons}`);
    await risk.getByRole('link', { name: latePayer.name }).click();
    await expect(page.getByRole('heading', { name: 'Payment risk' }), 'the customer\'s risk');
    await expect(page.locator('.facts .badge', { hasText: /^Risk \d+$/ }), 'the customer\'s score');
    await nav(page, 'Dashboard');
  });
  const customerName = `Browser Buyer ${run}`;
  await step('create-customer', page, async () => {
    await nav(page, 'Customers');
    await page.getByLabel('Name', { exact: true }).fill(customerName);
    await page.getByLabel('Currency').fill('EUR');
    await page.getByLabel('E-mail').fill('ap@browser-buyer.example');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect(page.getByText(`Customer ${customerName} created.`), 'confirmation');
  });
  await step('refused-customer-names-the-field', page, async () => {
    await page.getByLabel('Name', { exact: true }).fill('Bad Currency Ltd');
    await page.getByLabel('Currency').fill('XXX');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect(page.locator('.problem', { hasText: 'currency' }), 'problem naming currency');
  });
  await step('issue-invoice', page, async () => {
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
  await step('pay-through-the-qr-wallet-and-see-it-paid-without-reloading', page, async () => {
    const invoiceUrl = page.url();
    const watching = watched(await context.newPage());
    await watching.goto(invoiceUrl);
    await expect(watching.locator('h1 .badge', { hasText: 'Issued' }), 'issued badge in the second window');
    await watching.evaluate(() => { window.notReloaded = true; });
    await page.getByRole('link', { name: 'Take payment with a provider' }).click();
    await page.getByLabel('Provider').selectOption('wallet');
    await page.getByRole('button', { name: 'Start payment' }).click();
    await expect(page.getByRole('img', { name: 'QR code to scan with the wallet app' }), 'the wallet\'s QR code');
    await page.evaluate(() => { window.notReloaded = true; });
    await payByScanning(page);
    await expect(page.locator('.intent-status .badge', { hasText: 'Succeeded' }), 'intent succeeded');
    await expect(page.getByRole('link', { name: /^Paid: payment PAY-/ }), 'the payment it made');
    await expect(page.locator('.alert', { hasText: 'Payment received: €119.00' }), 'live alert');
    await expect(watching.locator('h1 .badge', { hasText: 'Paid' }), 'paid badge without a reload');
    for (const shown of [page, watching]) {
      if (!(await shown.evaluate(() => window.notReloaded))) throw new Error('a page was reloaded');
    }
    if (watching.errors.length) throw new Error(`console errors in the second window: ${watching.errors}`);
    await watching.close();
    await page.getByRole('link', { name: 'Back to the invoice' }).click();
    await expect(page.locator('h1 .badge', { hasText: 'Paid' }), 'paid badge');
  });
  await step('record-a-payment-refund-take-back-apply-and-reverse', page, async () => {
    const buyer = (await rest('GET', `/api/v1/customers?name=${encodeURIComponent(customerName)}`)).items[0];
    const invoice = await rest('POST', '/api/v1/invoices', { orderId: `SO-CASH-${run}`, customerId: buyer.id, currency: 'EUR',
      orderDate: '2026-03-01', lines: [{ product: 'BOX', quantity: 1, unitPrice: '80.00', taxRate: 0 }] });
    const issued = await rest('POST', `/api/v1/invoices/${invoice.id}/issue`, { issueDate: '2026-03-02' });
    await page.goto(`${BASE}/receivables/index.html#/core.invoices?id=${invoice.id}`);
    await page.getByRole('link', { name: 'Record payment' }).click();
    await page.waitForFunction(() => document.querySelector('[name=amount]')?.value === '80.00');
    await page.getByLabel('Amount').fill('100.00');
    await page.getByLabel('Method').selectOption('CASH');
    await page.getByRole('button', { name: 'Record payment' }).click();
    await expect(page.locator('h1', { hasText: 'PAY-' }), 'payment number');
    await expect(page.locator('dd', { hasText: '€20.00' }), 'credit left');
    const refund = page.locator('form', { has: page.getByRole('heading', { name: 'Refund' }) });
    await refund.getByLabel('Amount to refund').fill('5.00');
    await refund.getByLabel('Reason').fill('paid too much');
    await refund.getByRole('button', { name: 'Refund to the customer' }).click();
    await expect(page.locator('dd', { hasText: '€15.00' }), 'credit left after the refund');
    await page.getByRole('row', { name: /€80\.00/ }).getByLabel('Reason').fill('booked to the wrong invoice');
    await page.getByRole('button', { name: 'Take back' }).click();
    await expect(page.locator('dd', { hasText: '€95.00' }), 'credit left after taking back');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.locator('dd', { hasText: '€15.00' }), 'credit applied again');
    const reverse = page.locator('form', { has: page.getByRole('heading', { name: 'Reverse the payment' }) });
    await reverse.getByLabel('Reason').fill('the cheque bounced');
    await reverse.getByRole('button', { name: 'Reverse' }).click();
    await expect(page.locator('h1 .badge', { hasText: 'Reversed' }), 'reversed badge');
    await page.goto(`${BASE}/receivables/index.html#/core.invoices?id=${issued.id}`);
    await expect(page.locator('h1 .badge', { hasText: 'Issued' }), 'the invoice open again');
  });
  await step('payment-list-filters-and-totals', page, async () => {
    await nav(page, 'Payments');
    await page.getByLabel('Method').selectOption('CASH');
    await page.getByLabel('Allocation').selectOption('REVERSED');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.locator('tfoot', { hasText: /Totals of all pages · \d+ payments/ }), 'totals over the whole filter');
    await onlyRowsWithStatus(page, 'Reversed');
    await page.getByLabel('Value date from').fill('2026-03-02');
    await page.getByLabel('Value date to').fill('2026-03-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.locator('.problem', { hasText: 'valueFrom' }), 'a refused filter names the field');
    await page.getByRole('link', { name: 'Record a payment' }).click();
    await expect(page.getByRole('button', { name: 'Record payment' }), 'the record form');
  });
  await step('invoice-list-filters-and-totals', page, async () => {
    await nav(page, 'Invoices');
    await page.getByLabel('Status').selectOption('ISSUED');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.locator('tfoot', { hasText: 'Totals of all pages' }), 'totals over the whole filter');
    await onlyRowsWithStatus(page, 'Issued');
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
      + entry(`UI-2-${run}`, '250.00', overdueCustomer.name, 'on account')
      + entry(`UI-3-${run}`, '33.00', 'Somebody Unknown', 'April')
      + '</Stmt></BkToCstmrStmt></Document>\n');
    await nav(page, 'Bank statements');
    await page.getByLabel('Statement file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.locator('.import-status', { hasText: 'Completed' }), 'import completed');
    await expect(page.locator('.legend', { hasText: 'Matched and booked: 1' }), 'matched count');
    await expect(page.locator('.legend', { hasText: 'Left in the suspense queue: 2' }), 'suspended count');
    await expect(page.locator('.stacked .part.matched'), 'outcome bar');
  });
  await step('real-camt053-files-of-the-shared-corpus', page, async () => {
    const camt = join(BANK_FILES, 'camt');
    await page.getByLabel('Statement file').setInputFiles(join(camt, 'camt053.v2.multi.statement.xml'));
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.locator('.import-status', { hasText: 'Completed' }), 'the real file imported');
    await expect(page.locator('tr', { hasText: 'Lines read' }).locator('td', { hasText: /^2$/ }), 'both of its lines read');
    await page.getByLabel('Statement file').setInputFiles(join(camt, 'camt053.v2.wrong.xml'));
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.locator('.import-status', { hasText: 'Rejected' }), 'the broken file rejected');
    await expect(page.locator('tr', { hasText: 'Where the file breaks' }), 'where it breaks');
  });
  await step('suspense-item-matched-by-hand', page, async () => {
    await nav(page, 'Suspense queue');
    const item = page.locator('article', { hasText: overdueCustomer.name }).filter({ hasText: '€250.00' }).first();
    await item.getByRole('button', { name: 'Book to this customer' }).click();
    await page.locator('article', { hasText: overdueCustomer.name }).filter({ hasText: '€250.00' }).first().waitFor({ state: 'detached' });
    const credit = await rest('GET', `/api/v1/customers/${overdueCustomer.id}/statement`);
    if (!credit.movements.some((movement) => movement.kind === 'PAYMENT' && movement.credit && Number(movement.credit.amount) === 250)) {
      throw new Error(`the customer's statement shows no payment of 250.00: ${JSON.stringify(credit.movements)}`);
    }
  });
  await step('suspense-item-dismissed-by-hand', page, async () => {
    const item = page.locator('article', { hasText: 'Somebody Unknown' }).first();
    await item.getByLabel('Why this is no customer\'s payment').fill('paid twice by mistake, returned');
    await item.getByRole('button', { name: 'Dismiss' }).click();
    await page.locator('article', { hasText: 'Somebody Unknown' }).first().waitFor({ state: 'detached' });
  });
  await step('a-fragment-that-fails-shows-its-error-and-the-rest-works', page, async () => {
    page.expectedErrors = [/suspense\.js/, /Failed to fetch dynamically imported module/];
    await context.route('**/receivables/fragments/bank/suspense.js*', (route) => route.fulfill({ status: 500, body: 'broken' }));
    await page.reload();
    await page.locator('#navigation a').first().waitFor();
    await nav(page, 'Suspense queue');
    await expect(page.locator('.fragment-error', { hasText: 'could not be loaded' }), 'error in place of the fragment');
    await nav(page, 'Customers');
    await expect(page.getByRole('heading', { name: 'Customers' }), 'the rest still works');
    await context.unroute('**/receivables/fragments/bank/suspense.js*');
  });
  const statementToken = `token-${run}-never-shown`;
  await step('settings-provider-account-added-through-the-screen', page, async () => {
    await nav(page, 'Settings');
    if (await page.locator('tr[data-provider="bank-transfer"]').count()) throw new Error('the bank transfer is offered before its account exists');
    const form = page.getByRole('form', { name: 'New provider account' });
    await form.getByLabel('Provider').fill('bank-transfer');
    await form.getByLabel('Settings (one key=value a line)').fill('beneficiary=Receivables Demo GmbH\niban=DE89370400440532013000\nbic=COBADEFFXXX');
    await form.getByLabel('Secret name').fill('statementToken');
    await form.getByLabel('Secret value').fill(statementToken);
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Account bank-transfer saved.'), 'confirmation');
    await expect(page.locator('tr[data-account="bank-transfer"]', { hasText: 'statementToken' }), 'the account, its secret by name');
    for (const until = Date.now() + 30000; !(await page.locator('tr[data-provider="bank-transfer"]').count()); await page.waitForTimeout(500)) {
      if (Date.now() > until) throw new Error('the bank transfer is not offered after its account was created');
      await page.reload();
      await settled(page);
    }
    const refused = page.getByRole('form', { name: 'New provider account' });
    await refused.getByLabel('Provider').fill('Not A Provider');
    await refused.getByRole('button', { name: 'Create account' }).click();
    await expect(page.locator('.problem', { hasText: 'provider' }), 'a refused account names the field');
    if (JSON.stringify(await rest('GET', '/api/v1/tenant/provider-accounts')).includes(statementToken)) throw new Error('the API returned a secret');
    const inClear = filesHolding(HOST_DIR, statementToken);
    if (inClear.length) throw new Error(`the secret rests in clear in ${inClear}`);
  });
  await step('payment-intent-shows-bank-details-and-epc-qr', page, async () => {
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
  await step('settings-feature-switched-off-and-on-through-the-screen', page, async () => {
    await nav(page, 'Settings');
    await page.getByRole('form', { name: 'Features' }).getByLabel('bank-reconciliation').uncheck();
    await page.getByRole('button', { name: 'Save features' }).click();
    await expect(page.getByText(/^Features saved/), 'confirmation');
    await navigationHas(page, 'Bank statements', false);
    await nav(page, 'Settings');
    await page.getByRole('form', { name: 'Features' }).getByLabel('Feature to switch on').fill('bank-reconciliation');
    await page.getByRole('button', { name: 'Save features' }).click();
    await expect(page.getByRole('form', { name: 'Features' }).getByLabel('bank-reconciliation'), 'the feature on again');
    await navigationHas(page, 'Bank statements', true);
    const trail = await rest('GET', `/api/v1/audit?entityType=tenant-settings&entityId=${TENANT}`);
    if (!trail.items.some((change) => JSON.stringify(change.changes).includes('"features"'))) throw new Error(`no audited feature switch: ${JSON.stringify(trail)}`);
  });
  await step('settings-users-and-credentials', page, async () => {
    await nav(page, 'Settings');
    await expect(page.locator('tr[data-provider=wallet]'), 'the wallet among the providers');
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('User name').fill(`ursula-${run.toLowerCase()}`);
    await form.getByLabel('Name', { exact: true }).fill('Ursula Audit');
    await form.getByLabel('Auditor').check();
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(page.locator('.ok', { hasText: `One-time password for ursula-${run.toLowerCase()}` }).locator('code.secret'), 'one-time password');
    const row = page.locator(`tr[data-user="ursula-${run.toLowerCase()}"]`);
    await row.getByRole('button', { name: 'Disable' }).click();
    await expect(page.locator(`tr[data-user="ursula-${run.toLowerCase()}"]`, { hasText: 'Disabled' }), 'disabled user');
    const issue = page.getByRole('form', { name: 'Issue credential' });
    await issue.getByLabel('Name', { exact: true }).fill(`erp-sync-${run}`);
    await issue.getByLabel('AR clerk').check();
    await issue.getByRole('button', { name: 'Issue credential' }).click();
    const secret = (await page.locator('.ok', { hasText: `The secret of erp-sync-${run}` }).locator('code.secret').textContent()).trim();
    if (!secret.startsWith('rcv_')) throw new Error(`the secret shown is ${secret}`);
    const customers = await fetch(`${BASE}/api/v1/customers?size=1`, { headers: { 'X-Tenant': TENANT, Authorization: `Bearer ${secret}` } });
    if (customers.status !== 200) throw new Error(`the new credential was answered ${customers.status}`);
    await page.locator(`tr[data-credential="erp-sync-${run}"]`).getByRole('button', { name: 'Revoke' }).click();
    await expect(page.locator(`tr[data-credential="erp-sync-${run}"]`, { hasText: 'Revoked' }), 'revoked credential');
  });
  await step('sign-out', page, async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' }), 'sign-in again');
  });
  await context.close();
}

// ---- desktop, switched to Chinese: every label translated (a missing key is a console error) --------------------
{
  const { context, page } = await open(DESKTOP, 'en-US');
  await step('dashboard-kpis-and-forecast', page, async () => {
    await signIn(page, ADMIN);
    await chartDrawn(page, 'Aging in EUR');
    await expect(page.locator('.kpis .tile', { hasText: 'DSO' }).locator('.tile-figure', { hasText: /days|n\/a/ }), 'DSO');
    await chartDrawn(page, 'Expected receipts in EUR, week by week');
    await settled(page);
    await page.screenshot({ path: join(SHOTS, 'dashboard.png'), fullPage: true });
  });
  await step('zh-switch-language', page, async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.getByRole('heading', { name: '仪表板' }), '仪表板');
  });
  const english = async () => {
    const texts = await page.locator('#app label, #app button, #app th, #app h1, #app h2, #app h3, #app summary, #navigation a')
      .allTextContents();
    return texts.map((text) => text.trim()).filter((text) => /^[A-Za-z][a-z]+( [a-z]+)*$/.test(text) && !/^(IBAN|BIC)$/.test(text));
  };
  for (const title of ['仪表板', '客户', '发票', '付款', '支付意向', '催收', '银行对账单', '待处理队列', '设置']) {
    await step(`zh-${title}`, page, async () => {
      await nav(page, title);
      await expect(page.getByRole('heading', { name: title, exact: true }), title);
      await settled(page);
      const untranslated = await english();
      if (untranslated.length) throw new Error(`untranslated: ${untranslated}`);
    });
  }
  await step('zh-riskiest-customers-with-their-reasons-in-chinese', page, async () => {
    await nav(page, '仪表板');
    const risk = page.locator('section.riskiest');
    await expect(page.getByRole('heading', { name: '风险最高的客户' }), '风险最高的客户');
    await expect(risk.getByRole('link', { name: latePayer.name }), 'the late payer among the riskiest');
    await expect(risk.locator('.badge', { hasText: /^风险 \d+$/ }), 'a score in Chinese');
    const reasons = await risk.locator('ul.reasons li').allTextContents();
    if (reasons.length === 0 || reasons.some((text) => !/[\u4e00-\u9fff]/.test(text))) throw new Error(`reasons not in Chinese: ${reasons}`);
    await settled(page);
    const untranslated = await english();
    if (untranslated.length) throw new Error(`untranslated: ${untranslated}`);
  });
  await step('zh-customer-detail', page, async () => {
    await nav(page, '客户');
    await page.getByRole('link', { name: overdueCustomer.name }).first().click();
    await expect(page.getByRole('heading', { name: '对账单' }), '对账单');
    await expect(page.locator('.badge.overdue'), 'days overdue badge');
    await settled(page);
    const untranslated = await english();
    if (untranslated.length) throw new Error(`untranslated: ${untranslated}`);
  });
  await step('zh-invoice-dispute-recorded-and-resolved', page, async () => {
    await page.goto(`${BASE}/receivables/index.html#/core.invoices?id=${old.id}`);
    await expect(page.getByText('客户未对此发票提出争议。'), 'no dispute yet');
    await page.getByLabel('原因', { exact: true }).last().fill('箱子破损');
    await page.getByRole('button', { name: '记录争议' }).click();
    await expect(page.locator('.disputes li', { hasText: '起有争议：争议解决前不催收。' }).filter({ hasText: '箱子破损' }), 'the open dispute');
    await page.getByLabel('处理结果').fill('已换货');
    await page.getByRole('button', { name: '解决争议' }).click();
    await expect(page.locator('.disputes li', { hasText: '已解决' }).filter({ hasText: '已换货' }), 'the resolved dispute');
    await settled(page);
    const untranslated = await english();
    if (untranslated.length) throw new Error(`untranslated: ${untranslated}`);
  });
  await context.close();
}

// ---- desktop, finance manager: IFRS 9 provisions, an adjustment set and last month provisioned, in both languages --
{
  const { context, page } = await open(DESKTOP, 'en-US');
  const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const reason = `Recession forecast ${run}`;
  await step('provisions-matrix-with-historical-and-adjusted-rates', page, async () => {
    await signIn(page, ADMIN);
    await page.getByLabel('Language').selectOption('en');
    await nav(page, 'Provisions');
    await expect(page.getByRole('heading', { name: 'Provision matrix' }), 'the matrix');
    await expect(page.getByRole('heading', { name: 'Expected credit loss in EUR' }), 'the EUR matrix');
    for (const column of ['Roll rate', 'Historical loss rate', 'Adjustment', 'Adjusted loss rate', 'Open balance', 'Expected credit loss']) {
      await expect(page.getByRole('columnheader', { name: column, exact: true }), `the column ${column}`);
    }
    await expect(page.getByText('No forward-looking adjustment applies: the loss rates are the historical ones.'), 'no adjustment yet');
    await settled(page);
  });
  await step('provisions-adjustment-refused-naming-the-factor-then-set', page, async () => {
    await page.getByLabel('Effective from (month)').fill(lastMonth);
    await page.getByLabel('Factor for 1–30 days').fill('11');
    await page.getByLabel(/^Reason/).fill(reason);
    await page.getByRole('button', { name: 'Set the adjustment' }).click();
    await expect(page.locator('.problem', { hasText: 'factors[1]' }), 'the factor at fault');
    await page.getByLabel('Factor for 1–30 days').fill('1.5');
    await page.getByRole('button', { name: 'Set the adjustment' }).click();
    await expect(page.getByRole('cell', { name: reason, exact: true }), 'the adjustment listed');
    await settled(page);
  });
  const expected = async () => {
    const [provision] = await rest('GET', '/api/v1/provisions');
    if (!provision || provision.period !== lastMonth) throw new Error(`not posted: ${JSON.stringify(provision)}`);
    if (!provision.adjustment || provision.adjustment.reason !== reason) throw new Error(`without the adjustment: ${JSON.stringify(provision)}`);
    return provision.currencies.find((currency) => currency.allowance.currency === 'EUR');
  };
  await step('provisions-posted-with-its-journal-effect', page, async () => {
    await page.getByLabel('Period').fill(lastMonth);
    await page.getByRole('button', { name: 'Post the provision' }).click();
    const row = page.locator('tr.provision', { hasText: lastMonth }).filter({ hasText: reason });
    await expect(row, 'the provision listed');
    const eur = await expected();
    await expect(row.filter({ hasText: new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(eur.allowance.amount) }),
      'the posted allowance');
    await expect(row.filter({ hasText: Number(eur.change.amount) > 0 ? 'Dr Impairment expense, Cr Loss allowance' : 'No entry' }), 'its journal effect');
    await settled(page);
  });
  await step('zh-provisions-posted-and-adjusted', page, async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.getByRole('heading', { name: '减值准备', exact: true }), '减值准备');
    for (const heading of ['准备矩阵', 'EUR 预期信用损失', '已计提的减值准备', '前瞻性调整', '计提期间减值准备', '设置前瞻性调整']) {
      await expect(page.getByRole('heading', { name: heading, exact: true }), heading);
    }
    for (const column of ['迁徙率', '历史损失率', '调整系数', '调整后损失率']) {
      await expect(page.getByRole('columnheader', { name: column, exact: true }), column);
    }
    const eur = await expected();
    const row = page.locator('tr.provision', { hasText: lastMonth }).filter({ hasText: reason });
    await expect(row.filter({ hasText: Number(eur.change.amount) > 0 ? '借：信用减值损失，贷：坏账准备' : '无分录' }), '会计分录');
    await settled(page);
  });
  await context.close();
}

// ---- phone, Chinese: the collector's path: worklist, customer, log a call, show a QR code to be paid -------------
{
  const { context, page } = await open(PHONE, 'zh-CN');
  await step('phone-collector-first-sign-in', page, async () => {
    await signIn(page, COLLECTOR, { firstTime: true });
    const box = await page.locator('#navigation a').first().boundingBox();
    if (box.height < 44) throw new Error(`navigation targets are ${box.height}px high`);
  });
  await step('phone-worklist', page, async () => {
    await nav(page, '催收');
    await expect(page.getByRole('heading', { name: '催收' }), '催收');
    await expect(page.locator('.work-item', { hasText: overdueCustomer.name }).locator('.badge.overdue'), 'days overdue');
    if (await page.locator('.work-item', { hasText: regular.name }).count()) throw new Error('a customer assigned to nobody is in the collector\'s worklist');
    await expect(page.getByRole('heading', { name: '催收员业绩' }), 'the collector results');
    await expect(page.locator('.collector-results table, .collector-results p').first(), 'the results or that there are none');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE.width) throw new Error(`the page is ${width}px wide on a ${PHONE.width}px phone`);
  });
  await step('phone-customer', page, async () => {
    await page.getByRole('link', { name: overdueCustomer.name }).first().click();
    await expect(page.getByRole('heading', { name: '未结项目' }), '未结项目');
    await expect(page.locator('.contacts li', { hasText: '发票争议已解决' }).filter({ hasText: '已换货' }), 'the resolved dispute in the timeline');
    await expect(page.locator('.contacts li', { hasText: '客户对发票提出争议' }).filter({ hasText: '箱子破损' }), 'the opened dispute in the timeline');
  });
  await step('phone-log-a-call', page, async () => {
    await page.locator('summary', { hasText: '记录联系' }).click();
    await page.getByLabel('方式').selectOption('CALL');
    await page.getByLabel('结果').selectOption('PROMISED_TO_PAY');
    await page.getByLabel('备注').fill('王经理说下周付款');
    await page.getByLabel('承诺金额').fill('500.00');
    await page.getByLabel('承诺付款日').fill('2026-12-15');
    await page.getByLabel('下一步行动', { exact: true }).fill('确认到账');
    await page.getByLabel('下一步行动日期').fill('2026-12-16');
    await page.getByRole('button', { name: '记录联系' }).click();
    await expect(page.getByText('已记录联系。'), 'confirmation');
    await expect(page.locator('.contacts li', { hasText: '电话 · 承诺付款' }), 'the call in the list');
    await expect(page.locator('.contacts li', { hasText: '王经理说下周付款' }), 'its notes');
  });
  await step('phone-show-a-qr-code-and-get-paid', page, async () => {
    await page.getByRole('link', { name: '收款' }).first().click();
    await page.getByLabel('支付服务商').selectOption('wallet');
    await page.getByRole('button', { name: '发起付款' }).click();
    const image = page.getByRole('img', { name: '用钱包应用扫描的二维码' });
    await expect(image, 'the wallet\'s QR code');
    const box = await image.boundingBox();
    if (box.width < PHONE.width - 80) throw new Error(`the QR code is ${box.width}px wide on a ${PHONE.width}px phone`);
    await payByScanning(page);
    await expect(page.locator('.intent-status .badge', { hasText: '已成功' }), '已成功');
  });
  await step('phone-language-switch-to-english', page, async () => {
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Payment intents' }), 'Payment intents');
  });
  await context.close();
}

await browser.close();
console.log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(results.failed === 0 ? 0 : 1);
