/**
 * The generated JSON Schema of each API action the editor knows, bundled into the server at build time.
 * Kept apart from the validator so that schema readers (hover, completion) do not pull ajv in.
 */
import createSchema from '../../schemas/CreateVpnConnection.schema.json';
import modifySchema from '../../schemas/ModifyVpnConnectionAttribute.schema.json';
import deleteSchema from '../../schemas/DeleteVpnConnection.schema.json';
import resetSchema from '../../schemas/ResetVpnConnection.schema.json';

export const ACTION_SCHEMAS: Record<string, object> = {
  CreateVpnConnection: createSchema,
  ModifyVpnConnectionAttribute: modifySchema,
  DeleteVpnConnection: deleteSchema,
  ResetVpnConnection: resetSchema,
};
export const DEFAULT_ACTION = 'CreateVpnConnection';

/** The action a document value names with its "Action" key, else CreateVpnConnection. */
export function actionOf(value: unknown): string {
  const action =
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).Action : undefined;
  return typeof action === 'string' && ACTION_SCHEMAS[action] ? action : DEFAULT_ACTION;
}
