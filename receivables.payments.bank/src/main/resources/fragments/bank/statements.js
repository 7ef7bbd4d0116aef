// Bank statements: upload a statement file (camt.052/053/054, MT940 or MT942) and follow its import until it
// ends, with the reader's warnings, the lines it rejected and each statement's opening and closing balance.
// Every text is in English and Simplified Chinese; the browser's language chooses.
//
// Contract with the shell: it calls render(container, api) with an empty element to fill and
// api = { fetch(path, init) }, which works as the browser's fetch for a path of this host (e.g.
// '/api/v1/bank-statements') with the tenant's credentials added, and resolves to the Response. The fragment
// sets no credentials itself and keeps nothing outside the container; it stops polling once the container
// has left the page.

const POLL_MILLIS = 1000;
const TEXTS = {
  en: {
    linesRead: 'Lines read',
    matched: 'Matched and booked',
    suspended: 'Left in the suspense queue',
    skipped: 'Skipped (money out)',
    duplicates: 'Imported before',
    rejected: 'Rejected lines',
    announced: 'Announced, booked with the statement',
    status: 'Status',
    format: 'Format',
    size: 'File size',
    bytes: 'bytes',
    location: 'Where the file breaks',
    problem: 'Problem',
    finished: 'Finished',
    notes: 'Warnings and rejected lines',
    WARNING: 'Warning',
    LINE_REJECTED: 'Line rejected',
    statements: 'Statements',
    statement: 'Statement',
    account: 'Account',
    period: 'Period',
    opening: 'Opening balance',
    closing: 'Closing balance',
    interim: 'interim report',
    file: 'Statement file ',
    send: 'Import',
    intro: 'Upload a camt.052, camt.053, camt.054, MT940 or MT942 file. Lines that pay an invoice are booked, the others wait in the suspense queue; a file imported twice books nothing twice.',
    uploading: 'Uploading',
    noAnswer: 'No answer',
  },
  zh: {
    linesRead: '已读取行数',
    matched: '已匹配并入账',
    suspended: '留在待处理队列',
    skipped: '已跳过（支出）',
    duplicates: '此前已导入',
    rejected: '被拒绝的行',
    announced: '已预告，随对账单入账',
    status: '状态',
    format: '格式',
    size: '文件大小',
    bytes: '字节',
    location: '文件出错位置',
    problem: '问题',
    finished: '完成时间',
    notes: '警告与被拒绝的行',
    WARNING: '警告',
    LINE_REJECTED: '行被拒绝',
    statements: '对账单',
    statement: '对账单',
    account: '账户',
    period: '期间',
    opening: '期初余额',
    closing: '期末余额',
    interim: '日间报告',
    file: '对账单文件 ',
    send: '导入',
    intro: '上传 camt.052、camt.053、camt.054、MT940 或 MT942 文件。能对应发票的行会入账，其余的在待处理队列中等待处理；同一文件导入两次不会重复入账。',
    uploading: '正在上传',
    noAnswer: '无响应',
  },
};
const T = (navigator.language || 'en').toLowerCase().startsWith('zh') ? TEXTS.zh : TEXTS.en;
const COUNTS = ['linesRead', 'matched', 'suspended', 'skipped', 'duplicates', 'rejected', 'announced'];

const element = (tag, properties = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
};

// What an RFC 9457 problem says, with the fields at fault; the status line when the body is none.
async function problem(response) {
  const body = await response.json().catch(() => null);
  if (!body) return `${response.status} ${response.statusText}`;
  const fields = (body.errors || []).map((error) => `${error.field}: ${error.message}`);
  return [body.detail || body.title, ...fields].join('\n');
}

const table = (rows) => element('table', {}, ...rows.map(([label, value]) => element('tr', {},
  element('th', { scope: 'row', textContent: label }), element('td', { textContent: String(value ?? '') }))));

const money = (amount) => (amount ? `${amount.amount} ${amount.currency}` : '—');

function progress(statementImport) {
  const rows = [
    [T.status, statementImport.status],
    [T.format, statementImport.format],
    [T.size, `${statementImport.size} ${T.bytes}`],
    ...COUNTS.map((key) => [T[key], statementImport[key]]),
  ];
  if (statementImport.location) rows.push([T.location, statementImport.location]);
  if (statementImport.problem) rows.push([T.problem, statementImport.problem]);
  if (statementImport.finishedAt) rows.push([T.finished, new Date(statementImport.finishedAt).toLocaleString()]);
  const parts = [table(rows)];
  if ((statementImport.notes || []).length > 0) {
    parts.push(element('h4', { textContent: T.notes }), element('ul', {}, ...statementImport.notes.map((note) =>
      element('li', { textContent: `${T[note.kind] || note.kind} · ${note.location || ''}: ${note.message}` }))));
  }
  return element('div', {}, ...parts);
}

// The statements of a finished import with their balances, as the bank stated them.
function balances(page) {
  return element('div', {}, element('h4', { textContent: T.statements }), ...page.items.map((statement) =>
    table([
      [T.statement, `${statement.number} · ${statement.statementId || ''}${statement.interim ? ` (${T.interim})` : ''}`],
      [T.account, statement.account],
      [T.period, `${statement.from || ''} – ${statement.to || ''}`],
      [T.opening, money(statement.openingBalance)],
      [T.closing, money(statement.closingBalance)],
      [T.linesRead, statement.lines],
    ])));
}

export function render(container, api) {
  const file = element('input', { type: 'file', required: true, accept: '.xml,.txt,.sta,.mt940,.940,.942' });
  const send = element('button', { type: 'submit', textContent: T.send });
  const status = element('div', { role: 'status' });
  const form = element('form', {}, element('label', {}, T.file, file), ' ', send);
  container.replaceChildren(element('p', { textContent: T.intro }), form, status);

  async function follow(id) {
    if (!container.isConnected) return;
    const response = await api.fetch(`/api/v1/bank-statements/${encodeURIComponent(id)}`);
    if (!response.ok) {
      status.replaceChildren(element('p', { className: 'problem', textContent: await problem(response) }));
      send.disabled = false;
      return;
    }
    const statementImport = await response.json();
    status.replaceChildren(progress(statementImport));
    if (statementImport.status === 'RUNNING') {
      setTimeout(() => follow(id).catch(failed), POLL_MILLIS);
      return;
    }
    send.disabled = false;
    const statements = await api.fetch(`/api/v1/bank-statements/${encodeURIComponent(id)}/statements?size=50`);
    if (statements.ok) status.append(balances(await statements.json()));
  }

  function failed(error) {
    status.replaceChildren(element('p', { className: 'problem', textContent: `${T.noAnswer}: ${error.message}` }));
    send.disabled = false;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) return;
    send.disabled = true;
    status.textContent = `${T.uploading} ${chosen.name}…`;
    try {
      const response = await api.fetch('/api/v1/bank-statements', {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json' },
        body: chosen,
      });
      if (response.status !== 202) {
        status.replaceChildren(element('p', { className: 'problem', textContent: await problem(response) }));
        send.disabled = false;
        return;
      }
      const started = await response.json();
      status.replaceChildren(progress(started));
      await follow(started.id);
    } catch (error) {
      failed(error);
    }
  });
}

export default render;
