/**
 * `tcvpn` command line: validate files, submit a file to the VPC API, or run the local VPC API emulator.
 * Each subcommand lives in its own module and is loaded only when used, so `validate` starts fast.
 */
const USAGE = `usage: tcvpn <command> [options]

commands:
  validate [--format text|json|sarif] [--lang zh|en] [--live] FILES...   check files like the editor does
  submit FILE [--region R] [--endpoint URL] [--wait] [--output json]     create the VPN connection
  status [ID] [--output json]                                            list the submissions, or show one
  watch ID [--endpoint URL] [--output json]                              follow a submission to its end
  abandon ID                                                             give up on an unknown outcome
  emulator [--port N] [--seed FILE]                                      run the local VPC API emulator
`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, () => Command> = {
  validate: () => require('./validate').runValidate as Command,
  submit: () => require('./submit').runSubmit as Command,
  status: () => (args) => require('./records').runRecords('status', args),
  watch: () => (args) => require('./records').runRecords('watch', args),
  abandon: () => (args) => require('./records').runRecords('abandon', args),
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
