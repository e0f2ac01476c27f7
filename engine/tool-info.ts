import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ToolInfo {
  name: string;
  version: string;
}

const PACKAGE_JSON = path.join(__dirname, '..', 'package.json');

/** This tool's name and version as package.json states them. */
export function toolInfo(): ToolInfo {
  const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as Partial<ToolInfo>;
  return { name: String(pkg.name ?? 'unknown'), version: String(pkg.version ?? '0.0.0') };
}
