package hk.seamless.deploy;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Skips a container test class, saying why, where no container engine answers (or where the CI
 * said it could not set one up: {@code SEAMLESS_CONTAINER_TESTS_SKIP}).
 */
final class ContainerEngineCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String who = context.getRequiredTestClass().getSimpleName();
        String skip = System.getenv("SEAMLESS_CONTAINER_TESTS_SKIP");
        if (skip != null && !skip.isBlank()) {
            return disabled(who, "no container engine here: " + skip);
        }
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return ConditionEvaluationResult.enabled("a container engine answers");
            }
            return disabled(
                    who,
                    "no container engine here: Docker is not reachable (no /var/run/docker.sock or "
                            + "DOCKER_HOST); .ci/run installs docker.io and starts dockerd");
        } catch (Throwable e) {
            return disabled(who, "no container engine here: " + e);
        }
    }

    private static ConditionEvaluationResult disabled(String who, String why) {
        System.out.println(who + " skipped: " + why);
        System.err.println(who + " skipped: " + why);
        return ConditionEvaluationResult.disabled(why);
    }
}
