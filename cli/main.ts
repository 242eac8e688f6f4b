/**
 * `tcvpn` command line: validate files, submit a file to the VPC API, or run the local VPC API emulator.
 * Each subcommand lives in its own module and is loaded only when used, so `validate` starts fast.
 */
const USAGE = `usage: tcvpn <command> [options]

commands:
  validate [--format text|json|sarif] [--lang zh|en] [--live] FILES...   check files like the editor does
  submit FILE [--region R] [--endpoint URL] [--wait] [--output json]     create the VPN connection
  import VPNX_ID [--format yaml|json] [--out FILE] [--include-psk]       write a live tunnel as a file
  plan FILE [--output json]                                              the file vs its live tunnel: exit 0 in sync, 2 changes, 1 error
  apply FILE [--yes]                                                     make the live tunnel what the file says (or create it)
  delete FILE|VPNX_ID [--yes]                                            delete the tunnel
  reset FILE|VPNX_ID [--yes]                                             reset (renegotiate) the tunnel
  status [ID] [--output json]                                            list the submissions, or show one
  watch ID [--endpoint URL] [--output json]                              follow a submission to its end
  abandon ID                                                             give up on an unknown outcome
  export FILE --to terraform|tccli|sdk [--include-psk] [--out FILE]      the file as terraform, tccli or a Node SDK call
  peer-config FILE --vendor V [--out FILE] [--include-psk]               the customer gateway's configuration (strongswan, cisco-ios, …)
  emulator [--port N] [--seed FILE]                                      run the local VPC API emulator

every cloud command (submit, import, plan, apply, delete, reset, status, watch, validate --live) takes
  --region R, --endpoint URL, --profile NAME and --output json, and reads the same credentials
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
