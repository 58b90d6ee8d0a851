#!/usr/bin/env python3
"""Offline check of the Kubernetes manifests here (no cluster, no schema download).

Parses every YAML document, checks the fields the API server requires for each kind used, and the
cross-references between them: selectors match pod labels, the StatefulSet's serviceName is a
Service here, probes hit /health on a declared port, every volumeMount has a volume or claim
template, the secret referenced is the example's, resources have requests and a memory limit.
Needs PyYAML (Debian: python3-yaml). Exit status 0 when all is well.
"""
import glob
import os
import sys

import yaml

here = os.path.dirname(os.path.abspath(__file__))
errors = []
docs = []
for path in sorted(glob.glob(os.path.join(here, "*.yaml"))):
    with open(path, encoding="utf-8") as f:
        for doc in yaml.safe_load_all(f):
            if doc is not None:
                docs.append((os.path.basename(path), doc))


def need(cond, where, what):
    if not cond:
        errors.append(f"{where}: {what}")


def get(d, *keys):
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def matches(selector, labels):
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


known = {("apps/v1", "StatefulSet"), ("v1", "Service"), ("v1", "Secret"),
         ("kustomize.config.k8s.io/v1beta1", "Kustomization")}
services = {d["metadata"]["name"]: d for _, d in docs if d.get("kind") == "Service"}
secrets = {d["metadata"]["name"]: d for _, d in docs if d.get("kind") == "Secret"}

for name, d in docs:
    kind, api = d.get("kind"), d.get("apiVersion")
    where = f"{name} {kind}/{get(d, 'metadata', 'name')}"
    need((api, kind) in known, where, f"unexpected apiVersion/kind {api}/{kind}")
    if kind == "Kustomization":
        for r in d.get("resources", []):
            need(os.path.exists(os.path.join(here, r)), where, f"resource {r} missing")
        continue
    need(isinstance(get(d, "metadata", "name"), str), where, "metadata.name required")
    if kind == "Secret":
        need(isinstance(d.get("stringData") or d.get("data"), dict), where, "data or stringData required")
    if kind == "Service":
        ports = get(d, "spec", "ports") or []
        need(ports, where, "spec.ports required")
        for p in ports:
            need(isinstance(p.get("port"), int), where, "port must be an integer")
    if kind == "StatefulSet":
        spec = d["spec"]
        need(spec.get("replicas") == 1, where, "one replica: the engine is a single writer over its data folder")
        sel = get(spec, "selector", "matchLabels")
        labels = get(spec, "template", "metadata", "labels") or {}
        need(matches(sel, labels), where, "selector.matchLabels must match the template labels")
        need(spec.get("serviceName") in services, where, f"serviceName {spec.get('serviceName')} is no Service here")
        for sname, s in services.items():
            need(matches(get(s, "spec", "selector"), labels), where, f"Service {sname} selects no pod of it")
        pod = spec["template"]["spec"]
        vols = {v["name"] for v in pod.get("volumes", [])}
        claims = {get(c, "metadata", "name") for c in spec.get("volumeClaimTemplates", [])}
        for c in spec.get("volumeClaimTemplates", []):
            need(get(c, "spec", "accessModes") and get(c, "spec", "resources", "requests", "storage"),
                 where, "claim template needs accessModes and a storage request")
        need(get(pod, "securityContext", "runAsNonRoot") is True, where, "runAsNonRoot")
        for c in pod.get("containers", []):
            cw = f"{where} container {c.get('name')}"
            need(c.get("name") and c.get("image"), cw, "name and image required")
            ports = {p.get("name"): p.get("containerPort") for p in c.get("ports", [])}
            need(8080 in ports.values(), cw, "containerPort 8080")
            mounts = {m["mountPath"]: m["name"] for m in c.get("volumeMounts", [])}
            for path, vname in mounts.items():
                need(vname in vols or vname in claims, cw, f"volumeMount {vname} has no volume or claim")
            need(mounts.get("/var/lib/seamless") in claims, cw, "/var/lib/seamless must be on a claim template")
            for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
                pr = c.get(probe)
                need(pr is not None, cw, f"{probe} required")
                if pr:
                    need(get(pr, "httpGet", "path") == "/health", cw, f"{probe} on /health")
                    port = get(pr, "httpGet", "port")
                    need(port in ports or port in ports.values(), cw, f"{probe} port {port} not declared")
            res = c.get("resources") or {}
            need(get(res, "requests", "cpu") and get(res, "requests", "memory"), cw, "cpu and memory requests")
            need(get(res, "limits", "memory"), cw, "memory limit")
            for e in c.get("env", []):
                ref = get(e, "valueFrom", "secretKeyRef")
                if ref:
                    need(ref.get("name") in secrets and ref.get("key") in (get(secrets[ref["name"]], "stringData") or {}),
                         cw, f"secretKeyRef {ref} not in the example secret")
            need(get(c, "securityContext", "allowPrivilegeEscalation") is False, cw, "allowPrivilegeEscalation: false")
            if get(c, "securityContext", "readOnlyRootFilesystem"):
                need("/tmp" in mounts, cw, "read-only root needs a writable /tmp (the JVM and Chronicle use it)")

for e in errors:
    print("check-manifests:", e, file=sys.stderr)
print(f"check-manifests: {len(docs)} documents, {len(errors)} problems")
sys.exit(1 if errors else 0)
