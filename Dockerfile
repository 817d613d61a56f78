# acslint in a container: a static binary on an empty base, run as a non-root user.
#   docker build -t acslint .
#   docker run --rm -v "$PWD:/src:ro" -w /src acslint check .
# A release build names its published git ref so that diagnostics link the rule pages:
#   docker build --build-arg ACSLINT_DOCS_REF=v0.1.0 -t acslint .
FROM rust:1-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends musl-tools \
    && rm -rf /var/lib/apt/lists/* \
    && rustup target add x86_64-unknown-linux-musl
WORKDIR /build
COPY Cargo.toml Cargo.lock build.rs ./
COPY src src
COPY rulesets rulesets
COPY benches benches
COPY examples examples
ARG ACSLINT_DOCS_REF=""
RUN cargo build --release --locked --target x86_64-unknown-linux-musl \
    && cp target/x86_64-unknown-linux-musl/release/acslint /acslint

FROM scratch
COPY --from=build /acslint /usr/local/bin/acslint
# nobody:nogroup; the image has no shell and no other file.
USER 65534:65534
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/acslint"]
CMD ["check", "."]
