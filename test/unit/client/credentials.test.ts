/**
 * Where credentials come from: secret storage, then the environment (three token names), then the tccli profile
 * files in a temporary HOME ("None" means unset, TCCLI_PROFILE picks the profile, the region comes from
 * .configure), an explicit source, and a clear error listing what was looked at.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CredentialsError,
  describeCredentials,
  resolveCredentials,
  SECRET_ID_KEY,
  SECRET_KEY_KEY,
  SecretStore,
} from '../../../cloud/credentials';
import { readTccliProfile } from '../../../cloud/tccliProfile';

class FakeSecrets implements SecretStore {
  readonly values = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}

const ENV = { TENCENTCLOUD_SECRET_ID: 'AKIDenvironment0000000000000000001', TENCENTCLOUD_SECRET_KEY: 'env-secret-key' };

function writeProfile(home: string, name: string, credential: object, configure?: object): void {
  const dir = path.join(home, '.tccli');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.credential`), JSON.stringify(credential, null, 2));
  if (configure) fs.writeFileSync(path.join(dir, `${name}.configure`), JSON.stringify(configure, null, 2));
}

describe('credentials', () => {
  let home: string;
  let secrets: FakeSecrets;

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-home-'));
    secrets = new FakeSecrets();
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('prefers secret storage, then the environment, then the tccli profile', async () => {
    writeProfile(home, 'default', { secretId: 'AKIDprofile000000000000000000000001', secretKey: 'profile-key' });
    await secrets.store(SECRET_ID_KEY, 'AKIDstorage000000000000000000000001');
    await secrets.store(SECRET_KEY_KEY, 'storage-key');
    assert.equal((await resolveCredentials({ secrets, env: ENV, homeDir: home })).source, 'secretStorage');
    await secrets.delete(SECRET_KEY_KEY);
    assert.equal((await resolveCredentials({ secrets, env: ENV, homeDir: home })).source, 'environment');
    const fromProfile = await resolveCredentials({
      secrets,
      env: { TENCENTCLOUD_SECRET_ID: 'only-the-id' },
      homeDir: home,
    });
    assert.equal(fromProfile.source, 'tccliProfile');
    assert.equal(fromProfile.secretKey, 'profile-key');
  });

  it('uses only the source the user picked', async () => {
    await secrets.store(SECRET_ID_KEY, 'AKIDstorage000000000000000000000001');
    await secrets.store(SECRET_KEY_KEY, 'storage-key');
    assert.equal(
      (await resolveCredentials({ source: 'environment', secrets, env: ENV, homeDir: home })).source,
      'environment',
    );
    await assert.rejects(
      resolveCredentials({ source: 'tccliProfile', secrets, env: ENV, homeDir: home }),
      CredentialsError,
    );
  });

  for (const name of ['TENCENTCLOUD_SESSION_TOKEN', 'TENCENTCLOUD_TOKEN', 'TENCENTCLOUD_SECURITY_TOKEN']) {
    it(`reads the session token from ${name}`, async () => {
      const found = await resolveCredentials({ env: { ...ENV, [name]: 'sts-token-value' }, homeDir: home });
      assert.equal(found.token, 'sts-token-value');
    });
  }

  it("takes TENCENTCLOUD_REGION as the environment's region", async () => {
    assert.equal(
      (await resolveCredentials({ env: { ...ENV, TENCENTCLOUD_REGION: 'ap-shanghai' }, homeDir: home })).region,
      'ap-shanghai',
    );
  });

  it('reads the tccli .credential and .configure files (new and old layouts)', async () => {
    writeProfile(
      home,
      'default',
      { secretId: 'AKIDprofile000000000000000000000001', secretKey: 'profile-key', token: 'None' },
      { _sys_param: { region: 'ap-beijing', language: 'en-US' }, vpc: { endpoint: 'vpc.tencentcloudapi.com' } },
    );
    const found = await resolveCredentials({ env: {}, homeDir: home });
    assert.deepEqual(
      { ...found },
      {
        secretId: 'AKIDprofile000000000000000000000001',
        secretKey: 'profile-key',
        token: undefined,
        source: 'tccliProfile',
        profile: 'default',
        region: 'ap-beijing',
      },
    );
    writeProfile(home, 'old', { secretId: 'AKIDold', secretKey: 'old-key' }, { region: 'ap-chengdu' });
    assert.equal(readTccliProfile('old', home)?.region, 'ap-chengdu');
    assert.equal(readTccliProfile('default', home)?.vpcEndpoint, 'vpc.tencentcloudapi.com');
  });

  it('reads "None" as unset, and then reports the profile as incomplete', async () => {
    writeProfile(home, 'default', { secretId: 'None', secretKey: 'None' }, { _sys_param: { region: 'None' } });
    const error = await resolveCredentials({ env: {}, homeDir: home }).catch((caught: unknown) => caught);
    assert.ok(error instanceof CredentialsError);
    assert.match(error.message, /secretId or secretKey unset/);
    assert.equal(readTccliProfile('default', home)?.region, undefined);
  });

  it('picks the profile from TCCLI_PROFILE unless one is named', async () => {
    writeProfile(home, 'work', { secretId: 'AKIDwork', secretKey: 'work-key' });
    writeProfile(home, 'play', { secretId: 'AKIDplay', secretKey: 'play-key' });
    assert.equal((await resolveCredentials({ env: { TCCLI_PROFILE: 'work' }, homeDir: home })).profile, 'work');
    assert.equal(
      (await resolveCredentials({ env: { TCCLI_PROFILE: 'work' }, homeDir: home, profile: 'play' })).secretKey,
      'play-key',
    );
  });

  it('refuses a cvm-role profile with a reason', async () => {
    writeProfile(home, 'default', { type: 'cvm-role', secretId: 'None', secretKey: 'None' });
    await assert.rejects(resolveCredentials({ env: {}, homeDir: home }), /cvm-role is not supported/);
  });

  it('says everything it looked at when nothing is found, without any key in the message', async () => {
    const error = await resolveCredentials({
      secrets,
      env: { TENCENTCLOUD_SECRET_KEY: 'lonely-key' },
      homeDir: home,
    }).catch((caught: unknown) => caught);
    assert.ok(error instanceof CredentialsError);
    assert.equal(error.tried.length, 3);
    assert.match(error.message, /secret storage.*environment.*tccli profile "default"/s);
    assert.doesNotMatch(error.message, /lonely-key/);
  });

  it('reports a profile file that is not JSON', async () => {
    fs.mkdirSync(path.join(home, '.tccli'));
    fs.writeFileSync(path.join(home, '.tccli', 'default.credential'), '{ not json');
    await assert.rejects(resolveCredentials({ env: {}, homeDir: home }), /default\.credential is not valid JSON/);
  });

  it('describes credentials with the SecretId masked', async () => {
    const found = await resolveCredentials({ env: ENV, homeDir: home });
    assert.equal(describeCredentials(found), 'AKID****0001 (environment)');
  });
});
