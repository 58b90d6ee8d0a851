# Seamless lane simulator: drives an engine (compose service `simulator`). Needs only a JRE.
#   ./mvnw -B -q -DskipTests package && deploy/container/build-image.sh --simulator
# or from the repository root:
#   docker build -f deploy/container/simulator.Dockerfile -t seamless-lane-simulator:latest .
ARG BASE_IMAGE=debian:bookworm-slim
FROM ${BASE_IMAGE}

RUN set -eux; \
    export DEBIAN_FRONTEND=noninteractive; \
    mkdir -p /usr/share/man/man1; \
    apt-get update -q; \
    apt-get install -y -q --no-install-recommends openjdk-17-jre-headless; \
    apt-get clean; \
    rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /var/log/apt /var/log/dpkg.log; \
    useradd --system --uid 10002 --user-group --home-dir /work --create-home --shell /usr/sbin/nologin simulator

COPY lane-simulator/target/seamless-lane-simulator.jar /opt/seamless/seamless-lane-simulator.jar

USER simulator
WORKDIR /work
ENV LANG=C.UTF-8
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=70", "-jar", "/opt/seamless/seamless-lane-simulator.jar"]
CMD ["--help"]
