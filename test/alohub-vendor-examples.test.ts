// The Alohub vendor page's three examples (curl, axios, Python requests), as written, with only
// {{base_url}} and {{apiKey}} filled in: a VN account and a key made with the real CLI, and the
// real server process.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { leadgate, startServer, type ServerProcess } from './support/processes.js';

const curlExample = `curl -X POST "{{base_url}}/api/crm/lead" \\
-H "accept: */*" \\
-H "Content-Type: application/json" \\
-H "Authorization: {{apiKey}}" \\
-d '{
"phone": "0868793800",
"email": "bang@gmail.com",
"name": "bang do"
}'`;

const axiosExample = `const axios = require('axios')
const response = await axios.post(
'{{base_url}}/api/crm/lead',
{
phone: '0868793800',
email: 'bang@gmail.com',
name: 'bang do'
},
{
headers: {
'Content-Type': 'application/json',
'Authorization': '{{apiKey}}'
}
}
)
console.log(response.data)`;

const pythonExample = `import requests
response = requests.post(
"{{base_url}}/api/crm/lead",
json={
"phone": "0868793800",
"email": "bang@gmail.com",
"name": "bang do"
},
headers={
"Content-Type": "application/json",
"Authorization": "{{apiKey}}"
}
)
print(response.json())`;

const hasPythonRequests = spawnSync('python3', ['-c', 'import requests']).status === 0;

describe('Alohub vendor examples against a real server', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadgate-vendor-'));
  const env = { DATABASE_URL: path.join(dir, 'leadgate.db') };
  let server: ServerProcess;
  let fill: (snippet: string) => string;

  before(async () => {
    const account = leadgate(['accounts', 'create', '--name', 'Alohub shop', '--country', 'VN', '--json'], env);
    assert.equal(account.status, 0, account.stderr);
    const key = leadgate(['keys', 'create', '--account', String(JSON.parse(account.stdout).id), '--json'], env);
    assert.equal(key.status, 0, key.stderr);
    server = await startServer(env);
    const token = JSON.parse(key.stdout).token as string;
    fill = (snippet) => snippet.replaceAll('{{base_url}}', server.url).replaceAll('{{apiKey}}', token);
  });
  after(async () => {
    await server?.stop('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('curl: creates the lead', () => {
    const out = JSON.parse(execFileSync('bash', ['-c', `${fill(curlExample)} --silent`], { encoding: 'utf8' }));
    assert.deepEqual(out, { success: '1', error_code: 'SUCCESS', error_message: 'SUCCESS', data: { id: out.data.id, phone: '+84868793800', email: 'bang@gmail.com', name: 'bang do', created: true } });
  });

  it('axios: updates the same lead', () => {
    // The snippet uses require() with top-level await: it runs as an ES module given a require.
    const file = path.join(process.cwd(), `.vendor-axios-${process.pid}.mjs`);
    fs.writeFileSync(file, `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${fill(axiosExample)}\n`);
    try {
      const out = execFileSync(process.execPath, [file], { encoding: 'utf8' });
      assert.match(out, /success: '1'/);
      assert.match(out, /created: false/);
      assert.match(out, /phone: '\+84868793800'/);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('Python requests: updates the same lead', { skip: hasPythonRequests ? false : 'python3 with requests is not installed' }, () => {
    const out = execFileSync('python3', ['-c', fill(pythonExample)], { encoding: 'utf8' });
    assert.match(out, /'success': '1'/);
    assert.match(out, /'created': False/);
    assert.match(out, /'phone': '\+84868793800'/);
  });
});
