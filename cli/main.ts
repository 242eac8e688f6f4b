/**
 * `tcvpn` command line: validate files, submit a file to the VPC API, or run the local VPC API emulator.
 * Each subcommand lives in its own module and is loaded only when used, so `validate` starts fast.
 */
const USAGE = `usage: tcvpn <command> [options]

commands:
  validate [--format text|json|sarif] [--lang zh|en]    check files like the editor does (more: tcvpn validate --help)
      [--disable RULE]... [--live [--region R] [--endpoint URL] [--profile NAME]] [--output json] FILES...
  submit FILE [--wait] [--document N] [--dry-run]       create the file's VPN connection(s)
      [--disable RULE]... [--timeout S] [--language zh-CN|en-US] [--verbose]
  import VPNX_ID [--format yaml|json] [--out FILE]      write a live tunnel as a file
      [--force] [--include-psk]
  plan FILE                                             the file vs its live tunnel: exit 0 in sync, 2 changes, 1 error
  apply FILE [--yes]                                    make the live tunnel what the file says (or create it)
  delete FILE|VPNX_ID [--yes]                           delete the tunnel
  reset FILE|VPNX_ID [--yes]                            reset (renegotiate) the tunnel
  status [ID]                                           list the submissions, or show one (ID: any unique prefix)
  watch ID [--timeout S] [--verbose]                    follow a submission to its end
  abandon ID                                            give up on a create whose outcome is unknown
  export FILE --to terraform|tccli|sdk [--include-psk]  the file as terraform, tccli or a Node SDK call
      [--out FILE] [--force] [--document N] [--region R]
  peer-config FILE --vendor V [--out FILE]              the customer gateway's configuration (strongswan, cisco-ios, …)
      [--include-psk] [--force] [--document N] [--cloud-address IP] [--peer-address IP]
  diagnose FILE --peer-log PATH [--cloud-log PATH]      why the handshake failed, from strongSwan (charon) logs
      [--document N] [--lang zh|en] [--format text|json]
  emulator [--port N] [--seed FILE] [--quiet]           run the local VPC API emulator on 127.0.0.1
      [--task-delay MS] [--state-delay MS] [--clock-skew S] [--empty-connection-id]

every cloud command (submit, import, plan, apply, delete, reset, status, watch, abandon, validate --live) takes
these flags and reads the same credentials (TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, else a tccli
profile); status and abandon read only the local records: status --region lists one region's, abandon uses none:
  --region R             the region of a file without Region, and of a VPNX_ID (else TENCENTCLOUD_REGION, the
                         profile's, ap-guangzhou); a file's own Region must agree; watch: it must be the record's;
                         export: the same rule, offline
  --endpoint URL         the VPC API host, or http://127.0.0.1:PORT for the emulator (else TENCENTCLOUD_ENDPOINT)
  --profile NAME         the tccli profile of the keys (else the environment, then TCCLI_PROFILE or "default")
  --output json          a JSON result on stdout instead of text (validate: the same as --format json)

options of validate, submit and watch:
  --format F             validate: text (default), json, or sarif (SARIF 2.1.0, for code-scanning tools)
  --lang zh|en           validate: the messages' language (default: from LANG, else en)
  --disable RULE         silence a rule id or API error code (repeatable, or comma-separated); submit still
                         refuses a file whose silenced finding is an error
  --live                 validate: also check the files against the account (ids, VpcId, BGP ASNs, routes, SPD)
  --wait                 submit: follow the create's task to its end, then print its Status, VpnConnectionId and state
  --dry-run              submit: print the findings as validate does and what would be sent; sends nothing and
                         needs no credentials; exit 1 when the file would be refused
  --timeout S            submit, watch: the seconds each API request may take (default 60)
  --language L           submit: zh-CN or en-US, for the API's answers and the messages (default: from LANG)
  --verbose              submit, watch: each API request, its answer and each task change on stderr (secrets masked)

option of apply, delete and reset:
  --yes                  skip the y/N question (without a terminal, nothing is sent unless --yes)

options of import, export and peer-config:
  --out FILE             write to FILE instead of stdout; an existing FILE is replaced only with --force
  --force                with --out: replace an existing file
  --include-psk          write the pre-shared key (else left out, or a placeholder); an --out file holding it is 0600
  --format yaml|json     import: the file's syntax (default: the --out file's extension, else yaml)
  --to T                 export: terraform, tccli or sdk
  --vendor V             peer-config: the peer device (else the file's "# tcvpn-peer: V" comment)
  --document N           which document of a file holding several (1, 2, …): export and peer-config need one,
                         submit without it sends them all
  --cloud-address IP     peer-config: the Tencent VPN gateway's public IPv4, when the file does not give it
  --peer-address IP      peer-config: the customer gateway's public IPv4, when the file does not give it

options of diagnose (exit 0 no failure in the logs, 1 a cause found, 2 usage; the key is masked in all it prints):
  --peer-log PATH        the IDC peer device's log (the one you have); enough alone
  --cloud-log PATH       the Tencent side's log, when you have it too
  --document N           which document of a file holding several (1, 2, …)
  --lang zh|en           the messages' language (default: from LANG, else en)
  --format text|json     text (default), or the diagnoses as JSON

options of emulator (it runs until Ctrl-C, and prints its URL, SecretIds and control token):
  --port N               the port on 127.0.0.1 (default 0: any free one)
  --seed FILE            the account it serves: keys, VPCs, gateways, tunnels (default: emulator/seed.json's demo)
  --task-delay MS        how long a task runs before SUCCESS or FAILED (default 1500)
  --state-delay MS       how long a created tunnel stays PENDING once its task succeeded (default 1000)
  --clock-skew S         shift its clock by S seconds (or -S); past 300, requests get AuthFailure.SignatureExpire
  --empty-connection-id  CreateVpnConnection answers an empty VpnConnectionId, as the real service has been seen to
  --quiet                no log line per request and state change
`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, () => Command> = {
  validate: () => require('./validate').runValidate as Command,
  submit: () => require('./submit').runSubmit as Command,
  status: () => (args) => require('./records').runRecords('status', args),
  watch: () => (args) => require('./records').runRecords('watch', args),
  abandon: () => (args) => require('./records').runRecords('abandon', args),
  import: () => (args) => require('./tunnelImport').runImport(args),
  plan: () => (args) => require('./tunnelPlan').runPlan(args),
  apply: () => (args) => require('./tunnelApply').runApply(args),
  delete: () => (args) => require('./tunnelOps').runTunnelCommand('delete', args),
  reset: () => (args) => require('./tunnelOps').runTunnelCommand('reset', args),
  export: () => require('./export').runExport as Command,
  'peer-config': () => require('./peerConfig').runPeerConfig as Command,
  diagnose: () => require('./diagnose').runDiagnose as Command,
  emulator: () => require('./emulator').runEmulator as Command,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`tcvpn: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  return load()(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`tcvpn: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
