// Starts `acslint server` for Terraform files and JSON (RAM policies, plans): VS Code has no
// generic language-server client, so this is all the extension does.
import { workspace, ExtensionContext } from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export function activate(context: ExtensionContext): Promise<void> {
  const config = workspace.getConfiguration("acslint");
  const command = config.get<string>("path", "acslint");
  const args = ["server", ...config.get<string[]>("args", [])];
  const serverOptions: ServerOptions = {
    run: { command, args },
    debug: { command, args },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "terraform" },
      { scheme: "file", language: "terraform-vars" },
      { scheme: "file", pattern: "**/*.tf" },
      { scheme: "file", pattern: "**/*.tfvars" },
      { scheme: "file", language: "json" },
    ],
  };
  client = new LanguageClient("acslint", "acslint", serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
