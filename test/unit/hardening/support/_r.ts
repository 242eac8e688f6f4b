import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../../language/languageService';
import { parseAllDocuments } from 'yaml';
const s = createLanguageService();
for (const text of ["VpnGatewayId: vpngw-1w9tue3d\nCustomerGa- tewayId: cgw-qa9sxpyyes7\nVpnConnectio瞋\t\"ث誈禔纑괈凃褸\t\rTags:\n  - Key: k\n\rቚ�鯋눃\u0000ame: wrong-case-route-type\nPreShareKey: \"6ac\"\nRouteType: static\n", "a: x\n\rb: 1\n", "a: \"x\t\rT\"\n"]) {
const doc = TextDocument.create('file:///a.vpnconn.yaml', 'tencentcloud-vpn-yaml', 1, text);
const edits = s.format(doc, { tabSize: 2, insertSpaces: true });
const out = TextDocument.applyEdits(doc, edits);
console.log(JSON.stringify(text), '\n->', JSON.stringify(out));
console.log(JSON.stringify(parseAllDocuments(text).map(d => [d.errors.map(e=>e.message.split('\n')[0]), d.toJS()])), JSON.stringify(parseAllDocuments(out).map(d => [d.errors.map(e=>e.message.split('\n')[0]), d.toJS()])));
}
