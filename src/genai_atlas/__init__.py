"""GenAI Atlas: an offline desktop reference on Large Language Models and Generative AI."""

__version__ = "0.1.0"
APP_NAME = "GenAI Atlas"
APP_ID = "io.github.genai_atlas.GenAIAtlas"
