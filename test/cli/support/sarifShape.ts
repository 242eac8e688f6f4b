/**
 * A structural check of a SARIF 2.1.0 log against the OASIS schema's rules for the objects tcvpn writes:
 * required properties, enumerations, minimum values and the closed property sets (the schema sets
 * `additionalProperties: false` on every object but property bags). Returns every violation, as JSON paths.
 * Written from the 2.1.0 specification (sarif-schema-2.1.0.json, OASIS errata 01); not a copy of it.
 */
type Json = Record<string, unknown>;

/** Known properties per SARIF object type, as far as tcvpn's logs use them, and what each requires. */
const SHAPES: Record<string, { allowed: string[]; required: string[] }> = {
  log: {
    allowed: ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'],
    required: ['version', 'runs'],
  },
  run: {
    allowed: [
      'tool',
      'invocations',
      'conversion',
      'language',
      'versionControlProvenance',
      'originalUriBaseIds',
      'artifacts',
      'logicalLocations',
      'graphs',
      'results',
      'automationDetails',
      'runAggregates',
      'baselineGuid',
      'redactionTokens',
      'defaultEncoding',
      'defaultSourceLanguage',
      'newlineSequences',
      'columnKind',
      'externalPropertyFileReferences',
      'threadFlowLocations',
      'taxonomies',
      'addresses',
      'translations',
      'policies',
      'webRequests',
      'webResponses',
      'specialLocations',
      'properties',
    ],
    required: ['tool'],
  },
  tool: { allowed: ['driver', 'extensions', 'properties'], required: ['driver'] },
  toolComponent: {
    allowed: [
      'guid',
      'name',
      'organization',
      'product',
      'productSuite',
      'shortDescription',
      'fullDescription',
      'fullName',
      'version',
      'semanticVersion',
      'dottedQuadFileVersion',
      'releaseDateUtc',
      'downloadUri',
      'informationUri',
      'globalMessageStrings',
      'notifications',
      'rules',
      'taxa',
      'locations',
      'language',
      'contents',
      'isComprehensive',
      'localizedDataSemanticVersion',
      'minimumRequiredLocalizedDataSemanticVersion',
      'associatedComponent',
      'translationMetadata',
      'supportedTaxonomies',
      'properties',
    ],
    required: ['name'],
  },
  reportingDescriptor: {
    allowed: [
      'id',
      'deprecatedIds',
      'guid',
      'deprecatedGuids',
      'name',
      'deprecatedNames',
      'shortDescription',
      'fullDescription',
      'messageStrings',
      'defaultConfiguration',
      'helpUri',
      'help',
      'relationships',
      'properties',
    ],
    required: ['id'],
  },
  reportingConfiguration: { allowed: ['enabled', 'level', 'rank', 'parameters', 'properties'], required: [] },
  multiformatMessageString: { allowed: ['text', 'markdown', 'properties'], required: ['text'] },
  message: { allowed: ['text', 'markdown', 'id', 'arguments', 'properties'], required: [] },
  result: {
    allowed: [
      'ruleId',
      'ruleIndex',
      'rule',
      'kind',
      'level',
      'message',
      'analysisTarget',
      'locations',
      'guid',
      'correlationGuid',
      'occurrenceCount',
      'partialFingerprints',
      'fingerprints',
      'stacks',
      'codeFlows',
      'graphs',
      'graphTraversals',
      'relatedLocations',
      'suppressions',
      'baselineState',
      'rank',
      'attachments',
      'hostedViewerUri',
      'workItemUris',
      'provenance',
      'fixes',
      'taxa',
      'webRequest',
      'webResponse',
      'properties',
    ],
    required: ['message'],
  },
  location: {
    allowed: ['id', 'physicalLocation', 'logicalLocations', 'message', 'annotations', 'relationships', 'properties'],
    required: [],
  },
  physicalLocation: { allowed: ['address', 'artifactLocation', 'region', 'contextRegion', 'properties'], required: [] },
  artifactLocation: { allowed: ['uri', 'uriBaseId', 'index', 'description', 'properties'], required: [] },
  region: {
    allowed: [
      'startLine',
      'startColumn',
      'endLine',
      'endColumn',
      'charOffset',
      'charLength',
      'byteOffset',
      'byteLength',
      'snippet',
      'message',
      'sourceLanguage',
      'properties',
    ],
    required: [],
  },
  invocation: {
    allowed: [
      'commandLine',
      'arguments',
      'responseFiles',
      'startTimeUtc',
      'endTimeUtc',
      'exitCode',
      'ruleConfigurationOverrides',
      'notificationConfigurationOverrides',
      'toolExecutionNotifications',
      'toolConfigurationNotifications',
      'exitCodeDescription',
      'exitSignalName',
      'exitSignalNumber',
      'processStartFailureMessage',
      'executionSuccessful',
      'machine',
      'account',
      'processId',
      'executableLocation',
      'workingDirectory',
      'environmentVariables',
      'stdin',
      'stdout',
      'stderr',
      'stdoutStderr',
      'properties',
    ],
    required: ['executionSuccessful'],
  },
  notification: {
    allowed: [
      'locations',
      'message',
      'level',
      'threadId',
      'timeUtc',
      'exception',
      'descriptor',
      'associatedRule',
      'properties',
    ],
    required: ['message'],
  },
};

const LEVELS = ['none', 'note', 'warning', 'error'];

/** Every violation of the 2.1.0 shape in `log`; an empty array when it conforms. */
export function sarifViolations(log: unknown): string[] {
  const errors: string[] = [];
  const check = (value: unknown, shape: keyof typeof SHAPES, at: string): Json => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      errors.push(`${at}: expected a ${shape} object`);
      return {};
    }
    const object = value as Json;
    for (const key of SHAPES[shape].required) if (!(key in object)) errors.push(`${at}: ${shape} requires "${key}"`);
    for (const key of Object.keys(object))
      if (!SHAPES[shape].allowed.includes(key)) errors.push(`${at}: "${key}" is not a ${shape} property`);
    return object;
  };
  const each = (value: unknown, at: string, visit: (item: unknown, itemAt: string) => void) => {
    if (value === undefined) return;
    if (!Array.isArray(value)) errors.push(`${at}: expected an array`);
    else value.forEach((item, i) => visit(item, `${at}[${i}]`));
  };
  const message = (value: unknown, at: string) => {
    const object = check(value, 'message', at);
    if (typeof object.text !== 'string' && typeof object.id !== 'string')
      errors.push(`${at}: a message needs "text" or "id"`);
  };
  const level = (value: unknown, at: string) => {
    if (value !== undefined && !LEVELS.includes(value as string))
      errors.push(`${at}: level "${String(value)}" is not one of ${LEVELS.join(', ')}`);
  };
  const artifactLocation = (value: unknown, at: string, run: Json) => {
    const object = check(value, 'artifactLocation', at);
    if (typeof object.uri !== 'string' || !isUriReference(object.uri))
      errors.push(`${at}.uri: not a URI reference: ${String(object.uri)}`);
    const bases = (run.originalUriBaseIds ?? {}) as Json;
    if (object.uriBaseId !== undefined && !(String(object.uriBaseId) in bases))
      errors.push(`${at}.uriBaseId: "${String(object.uriBaseId)}" is not in run.originalUriBaseIds`);
  };
  const region = (value: unknown, at: string) => {
    const object = check(value, 'region', at);
    for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
      if (object[key] !== undefined && !(Number.isInteger(object[key]) && (object[key] as number) >= 1))
        errors.push(`${at}.${key}: must be an integer >= 1`);
    }
    if (typeof object.startLine !== 'number') errors.push(`${at}: a text region needs startLine`);
  };
  const location = (value: unknown, at: string, run: Json) => {
    const physical = check(check(value, 'location', at).physicalLocation, 'physicalLocation', `${at}.physicalLocation`);
    if (!physical.artifactLocation && !physical.address)
      errors.push(`${at}.physicalLocation: needs artifactLocation or address`);
    if (physical.artifactLocation)
      artifactLocation(physical.artifactLocation, `${at}.physicalLocation.artifactLocation`, run);
    if (physical.region) region(physical.region, `${at}.physicalLocation.region`);
  };

  const root = check(log, 'log', '$');
  if (root.version !== '2.1.0') errors.push(`$.version: must be "2.1.0"`);
  each(root.runs, '$.runs', (runValue, runAt) => {
    const run = check(runValue, 'run', runAt);
    if (run.columnKind !== undefined && !['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind as string))
      errors.push(`${runAt}.columnKind: unknown kind`);
    for (const [id, base] of Object.entries((run.originalUriBaseIds ?? {}) as Json)) {
      const uri = check(base, 'artifactLocation', `${runAt}.originalUriBaseIds.${id}`).uri;
      if (typeof uri !== 'string' || !/^[a-z][a-z0-9+.-]*:.*\/$/i.test(uri))
        errors.push(`${runAt}.originalUriBaseIds.${id}: must be an absolute URI ending with "/"`);
    }
    const driver = check(check(run.tool, 'tool', `${runAt}.tool`).driver, 'toolComponent', `${runAt}.tool.driver`);
    const ruleIds: string[] = [];
    each(driver.rules, `${runAt}.tool.driver.rules`, (ruleValue, ruleAt) => {
      const rule = check(ruleValue, 'reportingDescriptor', ruleAt);
      ruleIds.push(String(rule.id));
      for (const key of ['shortDescription', 'fullDescription', 'help'])
        if (rule[key] !== undefined) check(rule[key], 'multiformatMessageString', `${ruleAt}.${key}`);
      if (rule.defaultConfiguration !== undefined)
        level(
          check(rule.defaultConfiguration, 'reportingConfiguration', `${ruleAt}.defaultConfiguration`).level,
          `${ruleAt}.defaultConfiguration.level`,
        );
      if (rule.helpUri !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(String(rule.helpUri)))
        errors.push(`${ruleAt}.helpUri: must be an absolute URI`);
    });
    each(run.invocations, `${runAt}.invocations`, (invocationValue, invocationAt) => {
      const invocation = check(invocationValue, 'invocation', invocationAt);
      each(
        invocation.toolExecutionNotifications,
        `${invocationAt}.toolExecutionNotifications`,
        (notificationValue, notificationAt) => {
          const notification = check(notificationValue, 'notification', notificationAt);
          message(notification.message, `${notificationAt}.message`);
          level(notification.level, `${notificationAt}.level`);
          each(notification.locations, `${notificationAt}.locations`, (loc, locAt) => location(loc, locAt, run));
        },
      );
    });
    each(run.results, `${runAt}.results`, (resultValue, resultAt) => {
      const result = check(resultValue, 'result', resultAt);
      message(result.message, `${resultAt}.message`);
      level(result.level, `${resultAt}.level`);
      if (result.ruleIndex !== undefined && ruleIds[result.ruleIndex as number] !== result.ruleId)
        errors.push(`${resultAt}.ruleIndex: does not point at rule "${String(result.ruleId)}"`);
      each(result.locations, `${resultAt}.locations`, (loc, locAt) => location(loc, locAt, run));
    });
  });
  return errors;
}

/** RFC 3986 URI reference: no spaces or characters that must be percent-encoded, well-formed escapes. */
function isUriReference(uri: string): boolean {
  return /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$/.test(uri);
}
