// Validates the Kubernetes manifests in docker/k8s offline: every object against the Kubernetes
// OpenAPI schema (kubernetes-models), then the references between objects that the schema cannot
// see (selectors, named ports, ConfigMaps/Secrets/PVCs, probes) and that the Secrets are templates.
// training/<bundle>/ holds generated adapter-training bundles (TrainingJobBundle): examples, not
// part of the kustomization; each folder is checked on its own (Job, PVCs, copy pod, the
// LLaMA-Factory train.yaml against data/dataset_info.json).
//   cd docker/k8s/validate && npm ci && node validate.mjs ..
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { writeFileSync, rmSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
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

// Each object belongs to a set: "main" (the kustomization's resources), "alternatives" (drop-in
// replacements) or its training bundle's folder ("training/example"); references resolve within
// the set, then in main.
const setOf = (where) => where.startsWith("alternatives/") ? "alternatives"
  : where.startsWith("training/") ? dirname(where).split("/").slice(0, 2).join("/") : "main";
const all = [];
const trainConfigs = [];
for (const file of yamlFiles(root)) {
  const where = relative(root, file);
  const set = setOf(where);
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"), { uniqueKeys: true })) {
    for (const e of [...doc.errors, ...doc.warnings]) fail(where, `YAML: ${e.message}`);
    const obj = doc.toJS();
    if (obj == null) continue;
    if (set.startsWith("training/") && where.endsWith("/train.yaml")) {
      trainConfigs.push({ where, set, obj }); // LLaMA-Factory's configuration, no Kubernetes object
      continue;
    }
    if (obj.kind === "Kustomization") {
      for (const r of obj.resources ?? []) {
        if (!existsSync(join(dirname(file), r))) fail(where, `resource ${r} does not exist`);
        if (r.replace(/^\.\//, "").startsWith("training")) fail(where, `resource ${r}: training bundles are examples, not part of the deployment`);
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
    all.push({ where, name, obj, set, alternative: set === "alternatives" });
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

const main = all.filter((o) => o.set === "main");
const finder = (objects) => (kind, n) => objects.find((o) => o.obj.kind === kind && o.obj.metadata.name === n);
const find = finder(main);
const workloads = main.filter((o) => ["Deployment", "StatefulSet"].includes(o.obj.kind));
const matches = (selector, labels) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

// References of a pod template (or a Pod's spec) to volumes, ConfigMaps, Secrets and PVCs, probe
// ports and resources, for its containers and init containers. `external(kind, name)` names the
// objects that are created outside the repository on purpose.
function checkPod(name, pod, find, claims = new Set(), external = () => false) {
  const exists = (kind, n) => find(kind, n) || external(kind, n);
  const volumes = new Map((pod.volumes ?? []).map((v) => [v.name, v]));
  for (const v of volumes.values()) {
    if (v.configMap && !exists("ConfigMap", v.configMap.name)) fail(name, `ConfigMap ${v.configMap.name} missing`);
    if (v.secret && !exists("Secret", v.secret.secretName)) fail(name, `Secret ${v.secret.secretName} missing`);
    if (v.persistentVolumeClaim && !exists("PersistentVolumeClaim", v.persistentVolumeClaim.claimName)) {
      fail(name, `PVC ${v.persistentVolumeClaim.claimName} missing`);
    }
  }
  for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
    const ports = new Set((c.ports ?? []).map((p) => p.name));
    for (const m of c.volumeMounts ?? []) {
      if (!volumes.has(m.name) && !claims.has(m.name)) fail(name, `mount ${m.name} has no volume`);
    }
    for (const f of c.envFrom ?? []) {
      if (f.configMapRef && !exists("ConfigMap", f.configMapRef.name)) fail(name, `ConfigMap ${f.configMapRef.name} missing`);
      if (f.secretRef && !exists("Secret", f.secretRef.name)) fail(name, `Secret ${f.secretRef.name} missing`);
    }
    for (const e of c.env ?? []) {
      const ref = e.valueFrom?.secretKeyRef;
      if (ref) {
        const s = find("Secret", ref.name);
        if (!s && !external("Secret", ref.name)) fail(name, `Secret ${ref.name} missing`);
        else if (s && !(ref.key in (s.obj.stringData ?? s.obj.data ?? {}))) fail(name, `Secret ${ref.name} has no key ${ref.key}`);
      }
    }
    for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
      const port = c[probe]?.httpGet?.port;
      if (typeof port === "string" && !ports.has(port)) fail(name, `${probe} uses unknown port ${port}`);
    }
    if (!c.resources?.requests || !c.resources?.limits?.memory) fail(name, `${c.name} needs resource requests and a memory limit`);
    // Extended resources (GPUs) cannot be overcommitted: the limit is required, a request must equal it.
    for (const [r, q] of Object.entries(c.resources?.requests ?? {})) {
      if (r.includes("/") && String(c.resources?.limits?.[r]) !== String(q)) fail(name, `${c.name}: ${r} request needs an equal limit`);
    }
  }
}

for (const { name, obj } of workloads) {
  const spec = obj.spec;
  const labels = spec.template.metadata?.labels;
  if (!matches(spec.selector.matchLabels, labels)) fail(name, "selector does not match the pod labels");
  const claims = new Set((spec.volumeClaimTemplates ?? []).map((c) => c.metadata.name));
  checkPod(name, spec.template.spec, find, claims);
}

// Training bundles (training/<bundle>/): the Job, its PVCs (volumes.yaml) and the copy pod resolve
// within the folder, then in main. The upload-key Secret is the one reference left outside on
// purpose: `kubectl create secret` makes it from a key Seed shows once (README of the bundle).
const uploadKeySecret = (kind, n) => kind === "Secret" && /^seed-adapter-upload-v[0-9]+-[0-9]+$/.test(n);
const trainingSets = [...new Set(all.filter((o) => o.set.startsWith("training/")).map((o) => o.set))];
for (const set of trainingSets) {
  const own = all.filter((o) => o.set === set);
  const findOwn = finder(own);
  const findHere = (kind, n) => findOwn(kind, n) ?? find(kind, n);
  const jobs = own.filter((o) => o.obj.kind === "Job");
  if (jobs.length === 0) fail(set, "a training bundle needs a Job");
  for (const { name, obj } of own) {
    if (!["Job", "Pod", "PersistentVolumeClaim"].includes(obj.kind)) fail(name, `unexpected kind ${obj.kind} in a training bundle`);
  }
  for (const { name, obj } of own.filter((o) => o.obj.kind === "Pod")) {
    checkPod(name, obj.spec, findHere, new Set(), uploadKeySecret);
  }
  for (const { name, obj } of jobs) {
    const pod = obj.spec.template.spec;
    checkPod(name, pod, findHere, new Set(), uploadKeySecret);
    if (!["Never", "OnFailure"].includes(pod.restartPolicy)) fail(name, "a Job's pods need restartPolicy Never or OnFailure");
    const names = new Set([...(pod.initContainers ?? []), ...pod.containers].map((c) => c.name));
    for (const rule of obj.spec.podFailurePolicy?.rules ?? []) {
      if (pod.restartPolicy !== "Never") fail(name, "podFailurePolicy needs restartPolicy Never");
      const c = rule.onExitCodes?.containerName;
      if (c && !names.has(c)) fail(name, `podFailurePolicy names no container ${c}`);
    }
    const gpus = [...(pod.initContainers ?? []), ...pod.containers].filter((c) => c.resources?.limits?.["nvidia.com/gpu"]);
    if (gpus.length === 0) fail(name, "the training Job requests no nvidia.com/gpu");
    if (obj.spec.backoffLimit == null || obj.spec.activeDeadlineSeconds == null || obj.spec.ttlSecondsAfterFinished == null) {
      fail(name, "a training Job needs backoffLimit, activeDeadlineSeconds and ttlSecondsAfterFinished");
    }
    if (pod.securityContext?.runAsNonRoot !== true) fail(name, "a training Job runs as non-root");
    // The containers' scripts (`sh -c` / `bash -c`) parse: bash -n, or POSIX sh -n for sh.
    for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
      const [shell, flag] = c.command ?? [];
      if (!/^\/bin\/(ba)?sh$/.test(shell ?? "") || flag !== "-c") continue;
      const r = spawnSync(shell.endsWith("bash") ? "bash" : "sh", ["-n"], { input: c.args?.[0] ?? "", encoding: "utf8" });
      if (r.error || r.status !== 0) fail(name, `${c.name}: script does not parse: ${r.error?.message ?? r.stderr.trim()}`);
    }
  }
}
// LLaMA-Factory's train.yaml: its dataset is registered in the bundle's data/dataset_info.json,
// whose file exists beside it.
for (const { where, set, obj } of trainConfigs) {
  const info = join(root, set, "data", "dataset_info.json");
  if (!existsSync(info)) { fail(where, "data/dataset_info.json missing"); continue; }
  const datasets = JSON.parse(readFileSync(info, "utf8"));
  for (const k of ["model_name_or_path", "stage", "finetuning_type", "dataset", "template", "output_dir"]) {
    if (obj[k] == null) fail(where, `${k} missing`);
  }
  for (const d of String(obj.dataset ?? "").split(",").map((d) => d.trim()).filter(Boolean)) {
    const entry = datasets[d];
    if (!entry) fail(where, `dataset ${d} is not in data/dataset_info.json`);
    else if (!existsSync(join(root, set, "data", entry.file_name))) fail(where, `dataset file data/${entry.file_name} missing`);
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
