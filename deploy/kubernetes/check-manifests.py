#!/usr/bin/env python3
"""Offline check of the Kubernetes manifests here (no cluster, no schema download).

Two folders, each one deployment: the standalone engine (here) and the topology of issue #14
(topology/: Kafka, the registry, a lane engine per control point). Parses every YAML document,
checks the fields the API server requires for each kind used, and the cross-references between
them: selectors match pod labels, each StatefulSet's serviceName is a headless Service here, every
Service selects pods, probes hit /health on a declared port (the broker: its kafka-ready.sh), every
volumeMount has a volume or claim template, data folders are on claims, secrets referenced are the
examples' and the examples hold placeholders only, resources have requests and a memory limit.
Across the roles: SEAMLESS_KAFKA_BOOTSTRAP and KAFKA_ADVERTISED_HOST name a Service of the broker,
SEAMLESS_REGISTRY_URL a Service of the registry, the feed token comes from a secret, one registry,
one lane engine per control point, and control points the engine knows.
Needs PyYAML (Debian: python3-yaml). Exit status 0 when all is well.
"""
import glob
import os
import sys

import yaml
from urllib.parse import urlparse

here = os.path.dirname(os.path.abspath(__file__))
# Each folder is one deployment (a kustomization): the standalone engine here, the registry with
# its lane engines and Kafka in topology/. Cross-references are checked within a folder.
STACKS = [here, os.path.join(here, "topology")]
errors = []


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
# The engine's control points (engine/src/main/java/hk/seamless/config/HongKongControlPoints.java).
CONTROL_POINTS = {"LMC", "MKT", "STK", "SBC", "HZM", "HYW"}


def load(folder):
    docs = []
    for path in sorted(glob.glob(os.path.join(folder, "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            for doc in yaml.safe_load_all(f):
                if doc is not None:
                    docs.append((os.path.relpath(path, here), doc))
    return docs


def env_value(container, name):
    for e in container.get("env", []):
        if e.get("name") == name:
            return e.get("value") if "value" in e else e.get("valueFrom")
    return None


def service_for(services, host, port, where, what):
    """The Service a host:port setting names, checked to exist and to offer that port."""
    s = services.get(host)
    need(s is not None, where, f"{what}: {host} is no Service here")
    if s is not None:
        need(port in [p.get("port") for p in get(s, "spec", "ports") or []], where, f"{what}: Service {host} has no port {port}")
    return s


def check_stack(folder, secrets):
    docs = load(folder)
    services = {d["metadata"]["name"]: d for _, d in docs if d.get("kind") == "Service"}
    pods = {}     # StatefulSet name -> (template labels, container)
    for name, d in docs:
        kind, api = d.get("kind"), d.get("apiVersion")
        where = f"{name} {kind}/{get(d, 'metadata', 'name')}"
        need((api, kind) in known, where, f"unexpected apiVersion/kind {api}/{kind}")
        if kind == "Kustomization":
            listed = set(d.get("resources", []))
            for r in listed:
                need(os.path.exists(os.path.join(folder, r)), where, f"resource {r} missing")
            for other in sorted(glob.glob(os.path.join(folder, "*.yaml"))):
                base = os.path.basename(other)
                if base not in listed and base != "kustomization.yaml":
                    need(base.startswith("secret.example"), where, f"{base} is not in resources")
            continue
        need(isinstance(get(d, "metadata", "name"), str), where, "metadata.name required")
        if kind == "Secret":
            values = d.get("stringData") or d.get("data")
            need(isinstance(values, dict), where, "data or stringData required")
            need(name.split("/")[-1].startswith("secret.example"), where, "secrets only in secret.example*.yaml")
            for k, v in (values or {}).items():
                need(str(v).startswith("replace-with-"), where, f"{k}: an example holds a placeholder, never a real secret")
        if kind == "Service":
            ports = get(d, "spec", "ports") or []
            need(ports, where, "spec.ports required")
            for p in ports:
                need(isinstance(p.get("port"), int), where, "port must be an integer")
            need(any(matches(get(d, "spec", "selector"), get(sd, "spec", "template", "metadata", "labels") or {})
                     for _, sd in docs if sd.get("kind") == "StatefulSet"), where, "selects no StatefulSet's pods here")
        if kind == "StatefulSet":
            spec = d["spec"]
            need(spec.get("replicas") == 1, where, "one replica: each is a single writer over its data folder")
            sel = get(spec, "selector", "matchLabels")
            labels = get(spec, "template", "metadata", "labels") or {}
            need(matches(sel, labels), where, "selector.matchLabels must match the template labels")
            governing = services.get(spec.get("serviceName"))
            need(governing is not None, where, f"serviceName {spec.get('serviceName')} is no Service here")
            if governing is not None:
                need(get(governing, "spec", "clusterIP") == "None", where, "the governing Service must be headless")
                need(matches(get(governing, "spec", "selector"), labels), where, "the governing Service selects no pod of it")
            pod = spec["template"]["spec"]
            vols = {v["name"] for v in pod.get("volumes", [])}
            claims = {get(c, "metadata", "name") for c in spec.get("volumeClaimTemplates", [])}
            for c in spec.get("volumeClaimTemplates", []):
                need(get(c, "spec", "accessModes") and get(c, "spec", "resources", "requests", "storage"),
                     where, "claim template needs accessModes and a storage request")
            need(get(pod, "securityContext", "runAsNonRoot") is True, where, "runAsNonRoot")
            for c in pod.get("containers", []):
                cw = f"{where} container {c.get('name')}"
                pods[d["metadata"]["name"]] = (labels, c)
                need(c.get("name") and c.get("image"), cw, "name and image required")
                kafka = str(c.get("image", "")).startswith("seamless-kafka")
                ports = {p.get("name"): p.get("containerPort") for p in c.get("ports", [])}
                need((9092 if kafka else 8080) in ports.values(), cw, f"containerPort {9092 if kafka else 8080}")
                mounts = {m["mountPath"]: m["name"] for m in c.get("volumeMounts", [])}
                for path, vname in mounts.items():
                    need(vname in vols or vname in claims, cw, f"volumeMount {vname} has no volume or claim")
                data = "/var/lib/kafka" if kafka else "/var/lib/seamless"
                need(mounts.get(data) in claims, cw, f"{data} must be on a claim template")
                for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
                    pr = c.get(probe)
                    need(pr is not None, cw, f"{probe} required")
                    if pr and kafka:
                        need(get(pr, "exec", "command") == ["/opt/kafka/bin/kafka-ready.sh"], cw,
                             f"{probe} runs the image's kafka-ready.sh (an ApiVersions request)")
                    elif pr:
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
                             cw, f"secretKeyRef {ref} not in an example secret")
                need(get(c, "securityContext", "allowPrivilegeEscalation") is False, cw, "allowPrivilegeEscalation: false")
                if get(c, "securityContext", "readOnlyRootFilesystem"):
                    need("/tmp" in mounts, cw, "read-only root needs a writable /tmp (the JVM and Chronicle use it)")
    check_roles(pods, services)
    return len(docs)


def check_roles(pods, services):
    """The settings that join the roles (README.md "Settings"), as the engine checks them at start."""
    lanes_at = {}
    for sts, (labels, c) in pods.items():
        where = f"StatefulSet/{sts}"
        if str(c.get("image", "")).startswith("seamless-kafka"):
            host = env_value(c, "KAFKA_ADVERTISED_HOST")
            s = service_for(services, host, 9092, where, "KAFKA_ADVERTISED_HOST")
            need(s is None or matches(get(s, "spec", "selector"), labels), where,
                 f"KAFKA_ADVERTISED_HOST {host} must resolve to this broker's pod")
            continue
        role = env_value(c, "SEAMLESS_ROLE") or "standalone"
        need(role in ("standalone", "registry", "lane"), where, f"SEAMLESS_ROLE {role}")
        if role == "standalone":
            for setting in ("SEAMLESS_KAFKA_BOOTSTRAP", "SEAMLESS_CONTROL_POINT", "SEAMLESS_REGISTRY_URL"):
                need(env_value(c, setting) is None, where, f"{setting} is refused by role standalone")
            continue
        bootstrap = env_value(c, "SEAMLESS_KAFKA_BOOTSTRAP")
        need(isinstance(bootstrap, str), where, "SEAMLESS_KAFKA_BOOTSTRAP required")
        for server in (bootstrap or "").split(","):
            host, _, port = server.strip().partition(":")
            s = service_for(services, host, int(port or 0), where, "SEAMLESS_KAFKA_BOOTSTRAP")
            need(s is None or any(matches(get(s, "spec", "selector"), l) and str(k.get("image")).startswith("seamless-kafka")
                                  for l, k in pods.values()), where, f"SEAMLESS_KAFKA_BOOTSTRAP {host} selects no broker")
        token = env_value(c, "SEAMLESS_FEED_TOKEN")
        need(isinstance(get(token, "secretKeyRef"), dict), where, "SEAMLESS_FEED_TOKEN from a secret, not a value")
        if role == "registry":
            need(env_value(c, "SEAMLESS_CONTROL_POINT") is None, where, "SEAMLESS_CONTROL_POINT is for lane engines")
            continue
        cp = env_value(c, "SEAMLESS_CONTROL_POINT")
        need(cp in CONTROL_POINTS, where, f"SEAMLESS_CONTROL_POINT {cp} is not a control point")
        need(cp not in lanes_at, where, f"a second lane engine for {cp} (the other: {lanes_at.get(cp)})")
        lanes_at[cp] = sts
        url = urlparse(env_value(c, "SEAMLESS_REGISTRY_URL") or "")
        need(url.scheme in ("http", "https") and url.hostname, where, "SEAMLESS_REGISTRY_URL http(s)://host:port")
        if url.hostname:
            s = service_for(services, url.hostname, url.port or 80, where, "SEAMLESS_REGISTRY_URL")
            need(s is None or any(matches(get(s, "spec", "selector"), l) and env_value(k, "SEAMLESS_ROLE") == "registry"
                                  for l, k in pods.values()), where, f"SEAMLESS_REGISTRY_URL {url.hostname} selects no registry")
    registries = [s for s, (_, c) in pods.items() if env_value(c, "SEAMLESS_ROLE") == "registry"]
    need(len(registries) <= 1, "topology", f"one registry, not {registries}")
    need(not lanes_at or registries, "topology", "lane engines without a registry")


secrets = {}
for folder in STACKS:
    for _, d in load(folder):
        if d.get("kind") == "Secret":
            secrets[d["metadata"]["name"]] = d
counts = [check_stack(folder, secrets) for folder in STACKS]

for e in errors:
    print("check-manifests:", e, file=sys.stderr)
print(f"check-manifests: {sum(counts)} documents in {len(STACKS)} folders, {len(errors)} problems")
sys.exit(1 if errors else 0)
