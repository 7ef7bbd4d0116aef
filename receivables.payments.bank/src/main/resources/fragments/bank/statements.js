// Bank statements: upload a statement file (camt.052/053/054, MT940 or MT942) and follow its import until it
// ends: a progress bar for the upload, then the lines read with what became of them (matched, suspended,
// skipped, duplicates, rejected, announced) as a bar with counts, the reader's warnings, the lines it rejected and
// each statement's opening and closing balance.
//
// Contract with the shell: it calls render(container, api) with an empty element to fill and the shell's context
// as api: api.fetch(path, init) works as the browser's fetch for a path of this host with the session's
// credentials added, api.upload(path, body, onProgress) sends a file reporting the bytes sent, api.t translates
// this module's messages, api.format formats. The fragment keeps nothing outside the container and stops polling
// once the container has left the page.

const POLL_MILLIS = 1000;
export const messages = {
  en: {
    title: 'Bank statements',
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
    uploaded: 'Uploaded {sent} of {total}',
    read: 'Lines read so far: {count}',
    share: 'Lines by outcome',
    RUNNING: 'Running',
    COMPLETED: 'Completed',
    REJECTED: 'Rejected',
    FAILED: 'Failed',
  },
  'zh-CN': {
    title: '银行对账单',
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
    uploaded: '已上传 {sent} / {total}',
    read: '目前已读取 {count} 行',
    share: '各结果的行数',
    RUNNING: '进行中',
    COMPLETED: '已完成',
    REJECTED: '已拒绝',
    FAILED: '失败',
  },
};
const COUNTS = ['linesRead', 'matched', 'suspended', 'skipped', 'duplicates', 'rejected', 'announced'];
// The outcomes a read line ends in, drawn as the parts of one bar.
const OUTCOMES = ['matched', 'suspended', 'skipped', 'duplicates', 'rejected', 'announced'];

export function render(container, api) {
  const { h, t, format } = api;

  const table = (rows) => h('table', { className: 'facts' }, rows.map(([label, value]) => h('tr', {},
    h('th', { scope: 'row', textContent: label }), h('td', { textContent: String(value ?? '') }))));

  function bar(statementImport) {
    const total = Math.max(1, OUTCOMES.reduce((sum, key) => sum + statementImport[key], 0));
    return h('div', { className: 'outcomes' },
      h('div', { className: 'stacked', role: 'img', 'aria-label': t('share') },
        OUTCOMES.filter((key) => statementImport[key] > 0).map((key) => h('span', {
          className: `part ${key}`, style: `flex-grow:${statementImport[key] / total}`,
          title: `${t(key)}: ${format.number(statementImport[key])}`,
        }))),
      h('ul', { className: 'legend' }, OUTCOMES.map((key) => h('li', {},
        h('span', { className: `swatch ${key}` }), `${t(key)}: ${format.number(statementImport[key])}`))));
  }

  function progress(statementImport) {
    const running = statementImport.status === 'RUNNING';
    const rows = [
      [t('status'), t(statementImport.status)],
      [t('format'), statementImport.format],
      [t('size'), `${format.number(statementImport.size)} ${t('bytes')}`],
      ...COUNTS.map((key) => [t(key), format.number(statementImport[key])]),
    ];
    if (statementImport.location) rows.push([t('location'), statementImport.location]);
    if (statementImport.problem) rows.push([t('problem'), statementImport.problem]);
    if (statementImport.finishedAt) rows.push([t('finished'), format.instant(statementImport.finishedAt)]);
    const parts = [
      running ? h('p', {}, h('progress', { 'aria-label': t('read', { count: statementImport.linesRead }) }), ' ',
        t('read', { count: format.number(statementImport.linesRead) })) : null,
      bar(statementImport),
      table(rows),
    ];
    if ((statementImport.notes || []).length > 0) {
      parts.push(h('h4', { textContent: t('notes') }), h('ul', {}, statementImport.notes.map((note) =>
        h('li', { textContent: `${note.kind === 'WARNING' || note.kind === 'LINE_REJECTED' ? t(note.kind) : note.kind} · ${note.location || ''}: ${note.message}` }))));
    }
    return h('div', { className: 'import' }, parts);
  }

  // The statements of a finished import with their balances, as the bank stated them.
  function balances(page) {
    return h('div', {}, h('h4', { textContent: t('statements') }), page.items.map((statement) =>
      table([
        [t('statement'), `${statement.number} · ${statement.statementId || ''}${statement.interim ? ` (${t('interim')})` : ''}`],
        [t('account'), statement.account],
        [t('period'), `${format.day(statement.from)} – ${format.day(statement.to)}`],
        [t('opening'), format.money(statement.openingBalance)],
        [t('closing'), format.money(statement.closingBalance)],
        [t('linesRead'), format.number(statement.lines)],
      ])));
  }

  const file = h('input', { type: 'file', required: true, accept: '.xml,.txt,.sta,.mt940,.940,.942' });
  const send = h('button', { type: 'submit', className: 'primary', textContent: t('send') });
  const status = h('div', { role: 'status', className: 'import-status' });
  const form = h('form', { className: 'inline' }, api.field(t('file'), file), send);
  container.replaceChildren(h('h1', { textContent: t('title') }), h('p', { textContent: t('intro') }), form, status);

  const problemText = async (response) => (await api.problemOf(response)).message;

  async function follow(id) {
    if (!container.isConnected) return;
    const response = await api.fetch(`/api/v1/bank-statements/${encodeURIComponent(id)}`);
    if (!response.ok) {
      status.replaceChildren(h('p', { className: 'problem', textContent: await problemText(response) }));
      send.disabled = false;
      return;
    }
    const statementImport = api.readJson(await response.text());
    status.replaceChildren(progress(statementImport));
    if (statementImport.status === 'RUNNING') {
      setTimeout(() => follow(id).catch(failed), POLL_MILLIS);
      return;
    }
    send.disabled = false;
    const statements = await api.fetch(`/api/v1/bank-statements/${encodeURIComponent(id)}/statements?size=50`);
    if (statements.ok) status.append(balances(api.readJson(await statements.text())));
  }

  function failed(error) {
    status.replaceChildren(h('p', { className: 'problem', textContent: `${t('noAnswer')}: ${error.message}` }));
    send.disabled = false;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) return;
    send.disabled = true;
    const uploadBar = h('progress', { max: chosen.size || 1, value: 0 });
    const uploadText = h('span', { textContent: `${t('uploading')} ${chosen.name}…` });
    status.replaceChildren(h('p', {}, uploadBar, ' ', uploadText));
    try {
      const answer = await api.upload('/api/v1/bank-statements', chosen, (sent, total) => {
        uploadBar.max = total;
        uploadBar.value = sent;
        uploadText.textContent = t('uploaded', { sent: format.number(sent), total: format.number(total) });
      });
      if (answer.status !== 202) {
        status.replaceChildren(h('p', { className: 'problem', textContent: answer.problem.message }));
        send.disabled = false;
        return;
      }
      status.replaceChildren(progress(answer.body));
      await follow(answer.body.id);
    } catch (error) {
      failed(error);
    }
  });
}

export default render;
