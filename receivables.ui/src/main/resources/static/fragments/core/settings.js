// Settings for tenant admins (auditors read them): the tenant and its features, switched on and off; its accounts with
// payment providers, created, changed and removed (secrets are write-only: never shown, a blank one keeps its value);
// its users — created with a one-time password, switched off and on, their password reset — and the machine
// credentials of its integrations, issued and revoked. Features and accounts live in the host's configuration, where
// the web console and etc/ change them too.
import { attempt, withShared } from './common.js';

const ROLES = ['TENANT_ADMIN', 'CLERK', 'COLLECTOR', 'FINANCE_MANAGER', 'AUDITOR'];
/** Features the shell knows bundles to bring; any other name can be typed. */
const KNOWN_FEATURES = ['bank-reconciliation'];

export const messages = withShared({
  en: {
    title: 'Settings',
    tenant: 'Tenant',
    id: 'Id',
    name: 'Name',
    timeZone: 'Time zone',
    functionalCurrency: 'Functional currency',
    features: 'Features',
    noFeatures: 'No feature is switched on.',
    configured: 'Features and provider accounts are kept in the host\'s configuration: what is saved here shows in its web console and etc/ folder too.',
    addFeature: 'Feature to switch on',
    saveFeatures: 'Save features',
    featuresSaved: 'Features saved; screens of a feature appear or go with the next page load.',
    providers: 'Payment providers',
    offered: 'Offered now',
    accounts: 'Provider accounts',
    noAccounts: 'No provider account.',
    newAccount: 'New provider account',
    createAccount: 'Create account',
    accountEnabled: 'Enabled',
    accountSettings: 'Settings',
    settingsLines: 'Settings (one key=value a line)',
    secrets: 'Secrets',
    secretName: 'Secret name',
    secretValue: 'Secret value',
    keepSecret: 'Blank keeps the stored value',
    change: 'Change',
    saveAccount: 'Save account',
    remove: 'Remove',
    accountSaved: 'Account {provider} saved.',
    accountRemoved: 'Account {provider} removed.',
    noProviders: 'No payment provider is enabled for this tenant.',
    provider: 'Provider',
    methods: 'Methods',
    currencies: 'Currencies',
    capabilities: 'Capabilities',
    any: 'any',
    users: 'Users',
    username: 'User name',
    displayName: 'Name',
    email: 'E-mail',
    roles: 'Roles',
    state: 'State',
    enabled: 'Enabled',
    disabled: 'Disabled',
    secondFactor: 'Second factor',
    yes: 'Yes',
    no: 'No',
    newUser: 'New user',
    createUser: 'Create user',
    oneTimePassword: 'One-time password for {name} (hand it over; the first sign-in asks for a password of their own):',
    resetPassword: 'Reset password',
    disable: 'Disable',
    enable: 'Enable',
    credentials: 'Machine credentials',
    noCredentials: 'No credential issued.',
    credentialName: 'Name',
    expiresOn: 'Expires on',
    lastUsed: 'Last used',
    never: 'never',
    revoked: 'Revoked',
    active: 'Active',
    issue: 'Issue credential',
    revoke: 'Revoke',
    secret: 'The secret of {name}, shown this once:',
    'role.TENANT_ADMIN': 'Tenant admin',
    'role.CLERK': 'AR clerk',
    'role.COLLECTOR': 'Collector',
    'role.FINANCE_MANAGER': 'Finance manager',
    'role.AUDITOR': 'Auditor',
  },
  'zh-CN': {
    title: '设置',
    tenant: '租户',
    id: '标识',
    name: '名称',
    timeZone: '时区',
    functionalCurrency: '记账本位币',
    features: '功能',
    noFeatures: '尚未启用任何功能。',
    configured: '功能和支付服务商账户保存在主机配置中：此处保存的内容也会显示在 Web 控制台和 etc/ 目录中。',
    addFeature: '要启用的功能',
    saveFeatures: '保存功能',
    featuresSaved: '功能已保存；相关页面将在下次加载时出现或消失。',
    providers: '支付服务商',
    offered: '当前可用',
    accounts: '支付服务商账户',
    noAccounts: '尚无支付服务商账户。',
    newAccount: '新建支付服务商账户',
    createAccount: '创建账户',
    accountEnabled: '启用',
    accountSettings: '设置',
    settingsLines: '设置（每行一个 key=value）',
    secrets: '密钥',
    secretName: '密钥名称',
    secretValue: '密钥值',
    keepSecret: '留空则保留已存储的值',
    change: '修改',
    saveAccount: '保存账户',
    remove: '删除',
    accountSaved: '账户 {provider} 已保存。',
    accountRemoved: '账户 {provider} 已删除。',
    noProviders: '此租户尚未启用任何支付服务商。',
    provider: '服务商',
    methods: '支付方式',
    currencies: '币种',
    capabilities: '能力',
    any: '不限',
    users: '用户',
    username: '用户名',
    displayName: '姓名',
    email: '电子邮件',
    roles: '角色',
    state: '状态',
    enabled: '已启用',
    disabled: '已停用',
    secondFactor: '双重验证',
    yes: '是',
    no: '否',
    newUser: '新用户',
    createUser: '创建用户',
    oneTimePassword: '{name} 的一次性密码（请转交本人；首次登录时须设置自己的密码）：',
    resetPassword: '重置密码',
    disable: '停用',
    enable: '启用',
    credentials: '机器凭据',
    noCredentials: '尚未签发凭据。',
    credentialName: '名称',
    expiresOn: '到期日',
    lastUsed: '最近使用',
    never: '从未',
    revoked: '已吊销',
    active: '有效',
    issue: '签发凭据',
    revoke: '吊销',
    secret: '{name} 的密钥（仅显示这一次）：',
    'role.TENANT_ADMIN': '租户管理员',
    'role.CLERK': '应收会计',
    'role.COLLECTOR': '催收员',
    'role.FINANCE_MANAGER': '财务经理',
    'role.AUDITOR': '审计员',
  },
});

export async function render(container, context) {
  const { h, t } = context;
  const admin = (context.session.roles || []).includes('TENANT_ADMIN');
  const tenant = h('section', { className: 'card' }, h('h2', { textContent: t('tenant') }));
  const providers = h('section', { className: 'card' }, h('h2', { textContent: t('providers') }));
  const users = h('section', { className: 'card' }, h('h2', { textContent: t('users') }));
  const credentials = h('section', { className: 'card' }, h('h2', { textContent: t('credentials') }));
  container.replaceChildren(h('h1', { textContent: t('title') }), tenant, providers, users, credentials);
  await Promise.all([tenantPart(context, tenant, admin), providerPart(context, providers, admin), userPart(context, users, admin),
    credentialPart(context, credentials, admin)]);
}

const roleNames = (context, roles) => [...roles].sort().map((role) => context.t(`role.${role}`)).join(', ');

/** Checkboxes for the roles, in a fieldset named by legend. */
function roleChoice(context, legend) {
  const { h, t } = context;
  const boxes = ROLES.map((role) => h('input', { type: 'checkbox', name: 'roles', value: role }));
  const fieldset = h('fieldset', { className: 'roles' }, h('legend', { textContent: legend }),
    ROLES.map((role, i) => h('label', {}, boxes[i], ` ${t(`role.${role}`)}`)));
  return { fieldset, chosen: () => boxes.filter((box) => box.checked).map((box) => box.value) };
}

async function tenantPart(context, section, admin) {
  const { h, t } = context;
  const body = h('div');
  const features = h('div');
  const note = h('div', { role: 'status' });
  section.append(body, features, note);

  /** The features as a list, or for the admin as boxes to switch them off and a name to switch one on. */
  function showFeatures(switchedOn) {
    const sorted = [...switchedOn].sort();
    if (!admin) {
      features.replaceChildren(h('h3', { textContent: t('features') }), sorted.length === 0 ? h('p', { textContent: t('noFeatures') })
        : h('ul', { className: 'features' }, sorted.map((feature) => h('li', {}, h('code', { textContent: feature })))));
      return;
    }
    const boxes = sorted.map((feature) => h('input', { type: 'checkbox', name: 'features', value: feature, checked: true }));
    const added = h('input', { name: 'feature', maxLength: 64, autocomplete: 'off' });
    added.setAttribute('list', 'known-features');
    const form = h('form', { className: 'grid-form', 'aria-label': t('features') },
      h('fieldset', { className: 'features' }, h('legend', { textContent: t('features') }),
        sorted.length === 0 ? h('p', { textContent: t('noFeatures') }) : null,
        sorted.map((feature, i) => h('label', {}, boxes[i], ' ', h('code', { textContent: feature })))),
      context.field(t('addFeature'), added),
      h('datalist', { id: 'known-features' }, KNOWN_FEATURES.filter((feature) => !switchedOn.includes(feature))
        .map((feature) => h('option', { value: feature }))),
      h('button', { type: 'submit', className: 'primary', textContent: t('saveFeatures') }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = boxes.filter((box) => box.checked).map((box) => box.value);
      if (added.value.trim()) chosen.push(added.value.trim());
      let saved;
      if (await attempt(context, note, async () => {
        saved = await context.json('/api/v1/tenant/features', { method: 'PUT', body: { features: chosen } });
      })) {
        showFeatures(saved.features);
        note.replaceChildren(h('p', { className: 'ok', textContent: t('featuresSaved') }));
      }
    });
    features.replaceChildren(form);
  }

  await attempt(context, body, async () => {
    const profile = await context.json('/api/v1/tenant');
    body.replaceChildren(h('dl', { className: 'facts' },
      h('dt', { textContent: t('id') }), h('dd', {}, h('code', { textContent: profile.id })),
      h('dt', { textContent: t('name') }), h('dd', { textContent: profile.name || '' }),
      h('dt', { textContent: t('timeZone') }), h('dd', { textContent: profile.timeZone }),
      h('dt', { textContent: t('functionalCurrency') }), h('dd', { textContent: profile.functionalCurrency || '' })),
    h('p', { className: 'muted', textContent: t('configured') }));
    showFeatures(context.session.features || []);
  });
}

/** key=value lines as an object; a line without '=' is a key without a value, which the host refuses naming it. */
function entries(text) {
  return Object.fromEntries(text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const equals = line.indexOf('=');
    return equals < 0 ? [line, null] : [line.slice(0, equals).trim(), line.slice(equals + 1)];
  }));
}

async function providerPart(context, section, admin) {
  const { h, t } = context;
  const offered = h('div');
  const accounts = h('div');
  const note = h('div', { role: 'status' });
  const list = (values) => (values && values.length ? [...values].sort().join(', ') : t('any'));

  const loadOffers = () => attempt(context, offered, async () => {
    const offers = await context.json('/api/v1/payment-providers');
    offered.replaceChildren(offers.length === 0 ? h('p', { textContent: t('noProviders') }) : context.table(
      [t('provider'), t('methods'), t('currencies'), t('capabilities')],
      offers.map((offer) => h('tr', { 'data-provider': offer.id },
        h('td', {}, h('strong', { textContent: offer.name }), ' ', h('code', { textContent: offer.id })),
        h('td', { textContent: list(offer.methods) }), h('td', { textContent: list(offer.currencies) }),
        h('td', { textContent: list(offer.capabilities) })))));
  });

  /** The fields of an account's form: enabled, settings and secrets (those stored as blank password fields). */
  function accountFields(account) {
    const enabled = h('input', { type: 'checkbox', name: 'enabled', checked: account ? account.enabled : true });
    const settings = h('textarea', { name: 'settings', rows: 4, spellcheck: false,
      value: account ? Object.entries(account.settings).map(([key, value]) => `${key}=${value}`).join('\n') : '' });
    const stored = (account ? account.secrets : []).map((name) => ({ name, input: h('input', { type: 'password', name: `secret-${name}`,
      autocomplete: 'new-password', placeholder: t('keepSecret') }) }));
    const newName = h('input', { name: 'secretName', maxLength: 64, autocomplete: 'off' });
    const newValue = h('input', { type: 'password', name: 'secretValue', autocomplete: 'new-password' });
    const fields = [h('label', { className: 'check' }, enabled, ` ${t('accountEnabled')}`), context.field(t('settingsLines'), settings),
      h('fieldset', {}, h('legend', { textContent: t('secrets') }), stored.map((secret) => context.field(secret.name, secret.input)),
        context.field(t('secretName'), newName), context.field(t('secretValue'), newValue))];
    const body = () => {
      const secrets = Object.fromEntries(stored.map((secret) => [secret.name, secret.input.value]));
      if (newName.value.trim()) secrets[newName.value.trim()] = newValue.value;
      return { enabled: enabled.checked, settings: entries(settings.value), secrets };
    };
    return { fields, body };
  }

  async function loadAccounts() {
    const found = await context.json('/api/v1/tenant/provider-accounts');
    accounts.replaceChildren(found.length === 0 ? h('p', { textContent: t('noAccounts') }) : context.table(
      [t('provider'), t('accountEnabled'), t('accountSettings'), t('secrets'), ...(admin ? [''] : [])],
      found.map((account) => h('tr', { 'data-account': account.provider },
        h('td', {}, h('code', { textContent: account.provider })),
        h('td', { textContent: account.enabled ? t('yes') : t('no') }),
        h('td', {}, h('ul', { className: 'plain' }, Object.entries(account.settings).map(([key, value]) => h('li', {}, h('code', { textContent: `${key}=${value}` }))))),
        h('td', { textContent: account.secrets.join(', ') }),
        admin ? h('td', {}, changeForm(account), ' ', h('button', { type: 'button', className: 'danger', textContent: t('remove'),
          onclick: () => saved(account.provider, 'accountRemoved', () => context.json(`/api/v1/tenant/provider-accounts/${encodeURIComponent(account.provider)}`,
            { method: 'DELETE' })) })) : null))));
  }

  /** Runs the change; on success says so and shows the accounts and offers as they are now. */
  async function saved(provider, message, change) {
    if (await attempt(context, note, change)) {
      await Promise.all([attempt(context, accounts, loadAccounts), loadOffers()]);
      note.replaceChildren(h('p', { className: 'ok', textContent: t(message, { provider }) }));
      return true;
    }
    return false;
  }

  function changeForm(account) {
    const { fields, body } = accountFields(account);
    const form = h('form', { className: 'grid-form', 'aria-label': `${t('change')} ${account.provider}` }, fields,
      h('button', { type: 'submit', className: 'primary', textContent: t('saveAccount') }));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      saved(account.provider, 'accountSaved', () => context.json(`/api/v1/tenant/provider-accounts/${encodeURIComponent(account.provider)}`,
        { method: 'PUT', body: body() }));
    });
    return h('details', {}, h('summary', { textContent: t('change') }), form);
  }

  section.append(h('h3', { textContent: t('offered') }), offered, h('h3', { textContent: t('accounts') }), accounts, note);
  if (admin) {
    const provider = h('input', { name: 'provider', required: true, maxLength: 64, autocomplete: 'off' });
    const { fields, body } = accountFields(null);
    const form = h('form', { className: 'grid-form', 'aria-label': t('newAccount') }, context.field(t('provider'), provider), fields,
      h('button', { type: 'submit', className: 'primary', textContent: t('createAccount') }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const name = provider.value.trim();
      if (await saved(name, 'accountSaved', () => context.json('/api/v1/tenant/provider-accounts', { method: 'POST',
        body: { provider: name, ...body() } }))) form.reset();
    });
    section.append(h('h3', { textContent: t('newAccount') }), form);
  }
  await Promise.all([loadOffers(), attempt(context, accounts, loadAccounts)]);
}

async function userPart(context, section, admin) {
  const { h, t } = context;
  const list = h('div');
  const note = h('div', { role: 'status' });
  const shownPassword = (issued) => note.replaceChildren(h('p', { className: 'ok' },
    t('oneTimePassword', { name: issued.user.username }), ' ', h('code', { className: 'secret', textContent: issued.oneTimePassword })));

  async function load() {
    const page = await context.json('/api/v1/users?size=200');
    list.replaceChildren(context.table([t('username'), t('displayName'), t('roles'), t('state'), t('secondFactor'), ''],
      page.items.map((user) => h('tr', { 'data-user': user.username },
        h('td', { textContent: user.username }), h('td', { textContent: user.displayName || '' }),
        h('td', { textContent: roleNames(context, user.roles) }),
        h('td', { textContent: user.enabled ? t('enabled') : t('disabled') }),
        h('td', { textContent: user.totpEnabled ? t('yes') : t('no') }),
        h('td', {}, admin ? [
          h('button', { type: 'button', textContent: t('resetPassword'), onclick: () => attempt(context, note, async () => {
            shownPassword(await context.json(`/api/v1/users/${encodeURIComponent(user.id)}/password-reset`, { method: 'POST', body: {} }));
          }) }), ' ',
          h('button', { type: 'button', textContent: user.enabled ? t('disable') : t('enable'), onclick: () => attempt(context, note, async () => {
            await context.json(`/api/v1/users/${encodeURIComponent(user.id)}`, { method: 'PUT', headers: { 'If-Match': `"${user.version}"` },
              body: { displayName: user.displayName, email: user.email, roles: user.roles, enabled: !user.enabled } });
            await load();
          }) })] : null)))));
  }

  section.append(list, note);
  if (admin) {
    const username = h('input', { name: 'username', required: true, maxLength: 100, autocomplete: 'off' });
    const displayName = h('input', { name: 'displayName', required: true, maxLength: 200 });
    const email = h('input', { name: 'email', type: 'email' });
    const roles = roleChoice(context, t('roles'));
    const form = h('form', { className: 'grid-form', 'aria-label': t('newUser') },
      context.field(t('username'), username), context.field(t('displayName'), displayName), context.field(t('email'), email),
      roles.fieldset, h('button', { type: 'submit', className: 'primary', textContent: t('createUser') }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      let issued;
      if (await attempt(context, note, async () => {
        issued = await context.json('/api/v1/users', { method: 'POST', body: { username: username.value.trim(),
          displayName: displayName.value.trim(), email: email.value.trim() || undefined, roles: roles.chosen(), enabled: true } });
      })) {
        form.reset();
        shownPassword(issued);
        await attempt(context, list, load);
      }
    });
    section.append(h('h3', { textContent: t('newUser') }), form);
  }
  await attempt(context, list, load);
}

async function credentialPart(context, section, admin) {
  const { h, t, format } = context;
  const list = h('div');
  const note = h('div', { role: 'status' });

  async function load() {
    const issued = await context.json('/api/v1/credentials');
    list.replaceChildren(issued.length === 0 ? h('p', { textContent: t('noCredentials') }) : context.table(
      [t('credentialName'), t('roles'), t('expiresOn'), t('lastUsed'), t('state'), ''],
      issued.map((credential) => h('tr', { 'data-credential': credential.name },
        h('td', { textContent: credential.name }), h('td', { textContent: roleNames(context, credential.roles) }),
        h('td', { textContent: credential.expiresAt ? format.instant(credential.expiresAt) : '' }),
        h('td', { textContent: credential.lastUsedAt ? format.instant(credential.lastUsedAt) : t('never') }),
        h('td', { textContent: credential.revokedAt ? t('revoked') : t('active') }),
        h('td', {}, admin && !credential.revokedAt ? h('button', { type: 'button', className: 'danger', textContent: t('revoke'),
          onclick: () => attempt(context, note, async () => {
            await context.json(`/api/v1/credentials/${encodeURIComponent(credential.id)}`, { method: 'DELETE' });
            await load();
          }) }) : null)))));
  }

  section.append(list, note);
  if (admin) {
    const name = h('input', { name: 'name', required: true, maxLength: 100 });
    const expires = h('input', { name: 'expiresOn', type: 'date' });
    const roles = roleChoice(context, t('roles'));
    const form = h('form', { className: 'grid-form', 'aria-label': t('issue') },
      context.field(t('credentialName'), name), context.field(t('expiresOn'), expires), roles.fieldset,
      h('button', { type: 'submit', className: 'primary', textContent: t('issue') }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      let issued;
      if (await attempt(context, note, async () => {
        issued = await context.json('/api/v1/credentials', { method: 'POST', body: { name: name.value.trim(), roles: roles.chosen(),
          expiresAt: expires.value ? `${expires.value}T00:00:00Z` : undefined } });
      })) {
        form.reset();
        note.replaceChildren(h('p', { className: 'ok' }, t('secret', { name: issued.credential.name }), ' ',
          h('code', { className: 'secret', textContent: issued.secret })));
        await attempt(context, list, load);
      }
    });
    section.append(h('h3', { textContent: t('issue') }), form);
  }
  await attempt(context, list, load);
}

export default render;
