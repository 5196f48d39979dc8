// Validates the Kubernetes manifests in docker/k8s offline: every object against the Kubernetes
// OpenAPI schema (kubernetes-models), then the references between objects that the schema cannot
// see (selectors, named ports, ConfigMaps/Secrets/PVCs, probes) and that the Secrets are templates.
//   cd docker/k8s/validate && npm ci && node validate.mjs ..
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { writeFileSync, rmSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import ts from "typescript";

const root = process.argv[2] ?? "..";
const failures = [];
const fail = (where, msg) => failures.push(`${where}: ${msg}`);

function yamlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "validate") return [];
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

async function modelFor(apiVersion, kind) {
  const group = apiVersion.includes("/") ? apiVersion : `v1`;
  try {
    const mod = await import(`kubernetes-models/${group}/${kind}`);
    return mod[kind];
  } catch {
    return null;
  }
}

const sets = new Map(); // "main" (kustomization resources) and each alternative file: objects by kind/name
const all = [];
for (const file of yamlFiles(root)) {
  const where = relative(root, file);
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"), { uniqueKeys: true })) {
    for (const e of [...doc.errors, ...doc.warnings]) fail(where, `YAML: ${e.message}`);
    const obj = doc.toJS();
    if (obj == null) continue;
    if (obj.kind === "Kustomization") {
      for (const r of obj.resources ?? []) {
        if (!existsSync(join(dirname(file), r))) fail(where, `resource ${r} does not exist`);
      }
      continue;
    }
    const name = `${where} ${obj.kind}/${obj.metadata?.name}`;
    const Model = await modelFor(obj.apiVersion ?? "", obj.kind ?? "");
    if (!Model) {
      fail(name, `unknown apiVersion/kind ${obj.apiVersion} ${obj.kind}`);
      continue;
    }
    try {
      new Model(obj).validate();
    } catch (e) {
      fail(name, `schema: ${e.message}`);
    }
    all.push({ where, name, obj, alternative: where.startsWith("alternatives/") });
  }
}

// The JSON schemas allow unknown fields (a typo such as "terminationGracePeriodSecondz" would be
// dropped silently by the API server). TypeScript's excess-property check on the same models'
// types catches them: each object becomes a typed literal, compiled without emitting anything.
function unknownFields() {
  const here = dirname(fileURLToPath(import.meta.url));
  const file = join(here, "objects.generated.ts");
  const lines = all.map(({ obj }, i) => {
    const group = obj.apiVersion.includes("/") ? obj.apiVersion : "v1";
    return `import type { I${obj.kind} as T${i} } from "kubernetes-models/${group}/${obj.kind}";\n`
      + `export const o${i}: T${i} = ${JSON.stringify(obj)};`;
  });
  writeFileSync(file, lines.join("\n") + "\n");
  try {
    const program = ts.createProgram([file], {
      noEmit: true, strict: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    });
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line : 0;
      const index = Math.floor(line / 2);
      fail(all[index]?.name ?? "types", ts.flattenDiagnosticMessageText(d.messageText, " ").slice(0, 300));
    }
  } finally {
    rmSync(file, { force: true });
  }
}
unknownFields();

const main = all.filter((o) => !o.alternative);
const find = (kind, n) => main.find((o) => o.obj.kind === kind && o.obj.metadata.name === n);
const workloads = main.filter((o) => ["Deployment", "StatefulSet"].includes(o.obj.kind));
const matches = (selector, labels) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

for (const { name, obj } of workloads) {
  const spec = obj.spec;
  const labels = spec.template.metadata?.labels;
  if (!matches(spec.selector.matchLabels, labels)) fail(name, "selector does not match the pod labels");
  const pod = spec.template.spec;
  const volumes = new Map((pod.volumes ?? []).map((v) => [v.name, v]));
  const claims = new Set((spec.volumeClaimTemplates ?? []).map((c) => c.metadata.name));
  for (const v of volumes.values()) {
    if (v.configMap && !find("ConfigMap", v.configMap.name)) fail(name, `ConfigMap ${v.configMap.name} missing`);
    if (v.secret && !find("Secret", v.secret.secretName)) fail(name, `Secret ${v.secret.secretName} missing`);
    if (v.persistentVolumeClaim && !find("PersistentVolumeClaim", v.persistentVolumeClaim.claimName)) {
      fail(name, `PVC ${v.persistentVolumeClaim.claimName} missing`);
    }
  }
  for (const c of pod.containers) {
    const ports = new Set((c.ports ?? []).map((p) => p.name));
    for (const m of c.volumeMounts ?? []) {
      if (!volumes.has(m.name) && !claims.has(m.name)) fail(name, `mount ${m.name} has no volume`);
    }
    for (const f of c.envFrom ?? []) {
      if (f.configMapRef && !find("ConfigMap", f.configMapRef.name)) fail(name, `ConfigMap ${f.configMapRef.name} missing`);
      if (f.secretRef && !find("Secret", f.secretRef.name)) fail(name, `Secret ${f.secretRef.name} missing`);
    }
    for (const e of c.env ?? []) {
      const ref = e.valueFrom?.secretKeyRef;
      if (ref) {
        const s = find("Secret", ref.name);
        if (!s) fail(name, `Secret ${ref.name} missing`);
        else if (!(ref.key in (s.obj.stringData ?? s.obj.data ?? {}))) fail(name, `Secret ${ref.name} has no key ${ref.key}`);
      }
    }
    for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
      const port = c[probe]?.httpGet?.port;
      if (typeof port === "string" && !ports.has(port)) fail(name, `${probe} uses unknown port ${port}`);
    }
    if (!c.resources?.requests || !c.resources?.limits?.memory) fail(name, `${c.name} needs resource requests and a memory limit`);
  }
}

// The application pod: MicroProfile Health probes, as the issue asks.
const app = find("Deployment", "seed-app")?.obj.spec.template.spec.containers[0];
if (!app) fail("app.yaml", "Deployment seed-app missing");
else {
  if (app.readinessProbe?.httpGet?.path !== "/health/ready") fail("seed-app", "readiness must be /health/ready");
  if (app.livenessProbe?.httpGet?.path !== "/health/live") fail("seed-app", "liveness must be /health/live");
  if (app.startupProbe?.httpGet?.path !== "/health/started") fail("seed-app", "startup must be /health/started");
}

for (const { name, obj } of main.filter((o) => o.obj.kind === "Service" && o.obj.spec.selector)) {
  const target = workloads.find((w) => matches(obj.spec.selector, w.obj.spec.template.metadata.labels));
  if (!target) { fail(name, "selects no workload"); continue; }
  const ports = new Set(target.obj.spec.template.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.name)));
  for (const p of obj.spec.ports) {
    if (typeof p.targetPort === "string" && !ports.has(p.targetPort)) fail(name, `targetPort ${p.targetPort} unknown`);
  }
}
for (const { name, obj } of main.filter((o) => o.obj.kind === "HorizontalPodAutoscaler")) {
  if (!find(obj.spec.scaleTargetRef.kind, obj.spec.scaleTargetRef.name)) fail(name, "scale target missing");
}
for (const { name, obj } of main.filter((o) => o.obj.kind === "PodDisruptionBudget")) {
  if (!workloads.some((w) => matches(obj.spec.selector.matchLabels, w.obj.spec.template.metadata.labels))) {
    fail(name, "selects no workload");
  }
}
for (const { name, obj } of main.filter((o) => o.obj.kind === "Ingress")) {
  for (const rule of obj.spec.rules ?? []) {
    for (const p of rule.http.paths) {
      const svc = find("Service", p.backend.service.name);
      if (!svc) fail(name, `Service ${p.backend.service.name} missing`);
      else if (!svc.obj.spec.ports.some((sp) => sp.name === p.backend.service.port.name || sp.port === p.backend.service.port.number)) {
        fail(name, `Service ${p.backend.service.name} has no such port`);
      }
    }
  }
}
// Templates only: a Secret in the repository holds placeholders, never a value.
for (const { name, obj } of all.filter((o) => o.obj.kind === "Secret")) {
  if (obj.data) fail(name, "use stringData placeholders, not data");
  for (const [k, v] of Object.entries(obj.stringData ?? {})) {
    if (!["REPLACE_ME", "", "admin"].includes(v)) fail(name, `${k} must be a placeholder (REPLACE_ME or empty)`);
  }
}
for (const { name, obj } of all.filter((o) => o.obj.kind === "ConfigMap")) {
  for (const k of Object.keys(obj.data ?? {})) {
    if (/PASSWORD|API_KEY|SECRET|TOKEN/.test(k)) fail(name, `${k} belongs in a Secret`);
  }
}

console.log(`checked ${all.length} objects in ${root}`);
if (failures.length) {
  for (const f of failures) console.log(`FAIL ${f}`);
  process.exit(1);
}
console.log("all valid");
